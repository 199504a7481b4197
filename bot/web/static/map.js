// The console's map: grids coloured by open / overdue tickets, open tickets as clustered points.
// Loaded as a file (the CSP allows no inline script); data from /console/map.json.
"use strict";
(function () {
  function start() {
    var box = document.getElementById("map");
    if (!box || !window.L) { return; }
    var map = L.map(box, { maxZoom: 19 });  // the clusters need it when no tile layer says it
    var tiles = box.getAttribute("data-tiles");
    if (tiles) { L.tileLayer(tiles, { maxZoom: 19 }).addTo(map); }
    fetch(box.getAttribute("data-source"), { credentials: "same-origin" })
      .then(function (answer) { return answer.json(); })
      .then(function (data) { draw(map, data); })
      .catch(function (error) { document.body.setAttribute("data-map-error", String(error)); });
  }

  function draw(map, data) {
    var bounds = [];
    data.grids.forEach(function (grid) { bounds = bounds.concat(grid.outline); });
    if (bounds.length) { map.fitBounds(bounds, { padding: [10, 10] }); }
    else if (data.points.length) { map.setView([data.points[0].lat, data.points[0].lon], 14); }
    else { map.setView([0, 0], 2); }  // nothing in scope: an empty map
    var list = document.getElementById("grid-list");
    data.grids.forEach(function (grid) {
      var item = document.createElement("li");
      item.id = "grid-" + grid.code;
      item.className = grid.tone;
      item.textContent = grid.name + "：未办结 " + grid.open + " 件，超时 " + grid.overdue + " 件";
      list.appendChild(item);
      if (!grid.outline.length) { return; }
      var shape = L.polygon(grid.outline, { color: grid.colour, fillColor: grid.colour,
                                            fillOpacity: 0.3, weight: 2 }).addTo(map);
      shape.bindTooltip(item.textContent);
    });
    var cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
    data.points.forEach(function (point) {
      var marker = L.circleMarker([point.lat, point.lon], {
        radius: point.urgent ? 8 : 6, color: point.overdue ? "#c62828" : "#0b5cad",
        fillOpacity: 0.8 });
      var link = document.createElement("a");
      link.href = "/console/t/" + encodeURIComponent(point.number);
      link.textContent = point.number + (point.overdue ? "（超时）" : "");
      marker.bindPopup(link);
      cluster.addLayer(marker);
    });
    map.addLayer(cluster);
    document.body.setAttribute("data-map-ready", "1");
  }

  document.addEventListener("DOMContentLoaded", start);
})();
