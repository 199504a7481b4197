"""The web application: the supervisors' console and the Open311 API, served by one aiohttp app."""
