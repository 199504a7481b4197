"""Routing quality on labelled sets (the issue's thresholds on the development set).

The development set is read from the shared specification when it exists (skipped otherwise)
and from the copy kept in tests/nlp/data, so the thresholds are always checked. The blind set was
written by a colleague who never saw the rules; it is held to the hidden set's requirements. The
held-out sets were written independently of the rules (see tests/nlp/data/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.evaluate import Report, evaluate, load_cases
from nlp.router import Router
from tests.nlp.conftest import DATA, SHARED_DEV


def report_for(router: Router, path: Path) -> Report:
    """The set's report, computed once per router and file in a test process (the per-set
    floors and the ask-rate test over every set read the same reports)."""
    key = (id(router), path)
    if key not in _REPORTS:
        cases, problems = load_cases(path)
        assert not problems
        _REPORTS[key] = evaluate(router, cases)
    return _REPORTS[key]


_REPORTS: dict[tuple[int, Path], Report] = {}


def assert_dev_thresholds(report: Report) -> None:
    summary = "\n".join(report.lines())
    assert report.total >= 90, summary
    assert report.category_accuracy >= 0.97, summary
    assert report.place_accuracy >= 0.99, summary
    assert report.urgent_recall == 1.0, summary
    assert report.urgent_precision >= 0.90, summary


def test_shared_development_set(router: Router) -> None:
    if not SHARED_DEV.exists():
        pytest.skip(f"shared specification not present at {SHARED_DEV}")
    assert_dev_thresholds(report_for(router, SHARED_DEV))


def test_development_set_copy(router: Router) -> None:
    assert_dev_thresholds(report_for(router, DATA / "dev-complaints.jsonl"))


def test_blind_set_meets_the_hidden_set_requirements(router: Router) -> None:
    """300 complaints written without seeing the rules: category ≥ 97 %, every urgent case
    found with precision ≥ 90 % (the requirements of the hidden judging set)."""
    report = report_for(router, DATA / "blind.jsonl")
    summary = "\n".join(report.lines())
    assert report.total == 300, summary
    assert report.category_accuracy >= 0.97, summary
    assert report.place_accuracy >= 0.99, summary
    assert report.urgent_recall == 1.0, summary
    assert report.urgent_precision >= 0.90, summary


def test_second_blind_set_stays_at_its_level(router: Router) -> None:
    """250 complaints written without seeing the rules (blind2; first pass: category 97.2 %,
    community+grid 100 %, urgent recall 100 %, precision 95.2 %). After the family fixes every
    case routes right; the floor keeps it there."""
    report = report_for(router, DATA / "blind2.jsonl")
    summary = "\n".join(report.lines())
    assert report.total == 250, summary
    assert report.category_accuracy >= 1.0, summary
    assert report.place_accuracy >= 1.0, summary
    assert report.urgent_recall == 1.0, summary
    assert report.urgent_precision >= 1.0, summary


@pytest.mark.parametrize(
    ("name", "category", "place"),
    [
        ("blind_urgency_a.jsonl", 0.945, 1.0),
        ("blind_urgency_b.jsonl", 0.92, 1.0),
        ("blind_urgency_c.jsonl", 0.835, 0.995),
        ("blind_urgency_d.jsonl", 0.815, 1.0),
        ("blind_urgency_e.jsonl", 0.765, 1.0),
        ("blind_urgency_f.jsonl", 0.725, 1.0),
        ("blind_urgency_g.jsonl", 0.74, 1.0),
        ("blind_urgency_h.jsonl", 0.72, 0.99),
        ("blind_urgency_i.jsonl", 0.955, 1.0),
        ("blind_urgency_j.jsonl", 0.935, 1.0),
        ("blind_urgency_k.jsonl", 0.81, 1.0),
        ("blind_urgency_l.jsonl", 0.745, 1.0),
        ("blind_urgency_m.jsonl", 0.86, 1.0),
        ("blind_urgency_n.jsonl", 0.82, 1.0),
        ("blind_urgency_o.jsonl", 0.795, 1.0),
        ("blind_urgency_p.jsonl", 0.82, 1.0),
        ("blind_urgency_q.jsonl", 0.80, 1.0),
        ("blind_urgency_r.jsonl", 0.80, 1.0),
        ("blind_urgency_s.jsonl", 0.815, 0.99),
        ("blind_urgency_t.jsonl", 0.835, 1.0),
        ("blind_urgency_u.jsonl", 0.835, 0.99),
        ("blind_urgency_v.jsonl", 0.755, 1.0),
        ("blind_urgency_w.jsonl", 0.79, 1.0),
        ("blind_urgency_x.jsonl", 0.79, 1.0),
        ("blind_urgency_y.jsonl", 0.79, 1.0),
        ("blind_urgency_z.jsonl", 0.75, 1.0),
        ("blind_urgency_aa.jsonl", 0.775, 0.99),
        ("blind_urgency_ab.jsonl", 0.805, 1.0),
        ("blind_urgency_ac.jsonl", 0.82, 1.0),
        ("blind_urgency_ad.jsonl", 0.80, 1.0),
        ("blind_urgency_ae.jsonl", 0.735, 0.99),
        ("blind_urgency_af.jsonl", 0.785, 1.0),
        ("blind_urgency_ag.jsonl", 0.89, 0.99),
        ("blind_urgency_ah.jsonl", 0.865, 1.0),
        ("blind_urgency_ai.jsonl", 0.89, 0.99),
        ("blind_urgency_aj.jsonl", 0.605, 1.0),
        ("blind_urgency_ak.jsonl", 0.745, 1.0),
        ("blind_urgency_al.jsonl", 0.82, 1.0),
        ("blind_urgency_am.jsonl", 0.785, 1.0),
        ("blind_urgency_an.jsonl", 0.855, 1.0),
        ("blind_urgency_ao.jsonl", 0.775, 1.0),
        ("blind_urgency_ap.jsonl", 0.855, 1.0),
        ("blind_urgency_aq.jsonl", 0.775, 1.0),
        ("blind_urgency_ar.jsonl", 0.895, 1.0),
        ("blind_urgency_as.jsonl", 0.85, 1.0),
        ("blind_urgency_at.jsonl", 0.785, 1.0),
        ("blind_urgency_au.jsonl", 0.935, 1.0),
        ("blind_urgency_av.jsonl", 0.82, 1.0),
        ("blind_urgency_aw.jsonl", 0.86, 1.0),
        ("blind_urgency_ax.jsonl", 0.87, 1.0),
        ("blind_urgency_ay.jsonl", 0.74, 1.0),
        ("blind_urgency_bb.jsonl", 0.85, 1.0),
        ("blind_urgency_bc.jsonl", 0.905, 1.0),
        ("blind_urgency_bd.jsonl", 0.925, 1.0),
        ("blind_urgency_be.jsonl", 0.855, 1.0),
        ("blind_urgency_az.jsonl", 0.77, 1.0),
        ("blind_urgency_ba.jsonl", 0.905, 1.0),
        ("blind_urgency_bf.jsonl", 0.89, 1.0),
        ("blind_urgency_bg.jsonl", 0.88, 1.0),
        ("blind_urgency_bh.jsonl", 0.89, 1.0),
        ("blind_urgency_bi.jsonl", 0.885, 1.0),
        ("blind_urgency_bj.jsonl", 0.815, 1.0),
        ("blind_urgency_bk.jsonl", 0.865, 1.0),
        ("blind_urgency_bl.jsonl", 0.86, 1.0),
        ("blind_urgency_bm.jsonl", 0.795, 1.0),
        ("blind_urgency_bn.jsonl", 0.805, 1.0),
        ("blind_urgency_bo.jsonl", 0.845, 1.0),
        ("blind_urgency_bp.jsonl", 0.835, 1.0),
        ("blind_urgency_bq.jsonl", 0.94, 1.0),
        ("blind_urgency_br.jsonl", 0.845, 0.995),
        ("blind_urgency_bs.jsonl", 0.895, 0.995),
        ("blind_urgency_bt.jsonl", 0.705, 1.0),
        ("blind_urgency_bu.jsonl", 0.685, 1.0),
        ("blind_urgency_bv.jsonl", 0.935, 1.0),
        ("blind_urgency_bw.jsonl", 0.73, 1.0),
        ("blind_urgency_bx.jsonl", 0.745, 0.995),
        ("blind_urgency_by.jsonl", 0.905, 1.0),
        ("blind_urgency_bz.jsonl", 0.855, 1.0),
        ("blind_urgency_ca.jsonl", 0.75, 1.0),
        ("blind_urgency_cb.jsonl", 0.875, 1.0),
        ("blind_urgency_cc.jsonl", 0.79, 1.0),
        ("blind_urgency_cd.jsonl", 0.72, 0.995),
        ("blind_urgency_ce.jsonl", 0.765, 1.0),
        ("blind_urgency_cf.jsonl", 0.84, 1.0),
        ("blind_urgency_cg.jsonl", 0.805, 1.0),
        ("blind_urgency_ch.jsonl", 0.81, 1.0),
        ("blind_urgency_ci.jsonl", 0.795, 1.0),
        ("blind_urgency_cj.jsonl", 0.77, 1.0),
        ("blind_urgency_ck.jsonl", 0.915, 1.0),
        ("blind_urgency_cl.jsonl", 0.865, 1.0),
        ("blind_urgency_cm.jsonl", 0.915, 0.995),
        ("blind_urgency_cn.jsonl", 0.885, 1.0),
        ("blind_urgency_co.jsonl", 0.78, 0.995),
        ("blind_urgency_cp.jsonl", 0.80, 1.0),
        ("blind_urgency_cq.jsonl", 0.75, 1.0),
        ("blind_urgency_cr.jsonl", 0.845, 1.0),
        ("blind_urgency_cs.jsonl", 0.885, 1.0),
        ("blind_urgency_ct.jsonl", 0.81, 1.0),
        ("blind_urgency_cu.jsonl", 0.785, 1.0),
        ("blind_urgency_cw.jsonl", 0.805, 1.0),
        ("blind_urgency_cx.jsonl", 0.755, 1.0),
        ("blind_urgency_cy.jsonl", 0.69, 1.0),
        ("blind_urgency_cz.jsonl", 0.83, 0.995),
        ("blind_urgency_da.jsonl", 0.635, 1.0),
        ("blind_urgency_db.jsonl", 0.89, 1.0),
        ("blind_urgency_dc.jsonl", 0.69, 1.0),
        ("blind_urgency_dd.jsonl", 0.75, 1.0),
        ("blind_urgency_de.jsonl", 0.795, 1.0),
        ("blind_urgency_df.jsonl", 0.845, 1.0),
        ("blind_urgency_dg.jsonl", 0.76, 1.0),
        ("blind_urgency_dh.jsonl", 0.77, 1.0),
        ("blind_urgency_di.jsonl", 0.72, 1.0),
        ("blind_urgency_dj.jsonl", 0.76, 1.0),
        ("blind_urgency_dk.jsonl", 0.725, 1.0),
        ("blind_urgency_dl.jsonl", 0.775, 1.0),
        ("blind_urgency_dm.jsonl", 0.88, 1.0),
        ("blind_urgency_dn.jsonl", 0.875, 1.0),
        ("blind_urgency_do.jsonl", 0.805, 0.995),
        ("blind_urgency_dp.jsonl", 0.655, 1.0),
        ("blind_urgency_dq.jsonl", 0.775, 0.99),
        ("blind_urgency_dr.jsonl", 0.725, 1.0),
        ("blind_urgency_ds.jsonl", 0.59, 1.0),
        ("blind_urgency_dt.jsonl", 0.61, 1.0),
        ("blind_urgency_du.jsonl", 0.755, 1.0),
        ("blind_urgency_dv.jsonl", 0.81, 1.0),
        ("blind_urgency_dw.jsonl", 0.815, 1.0),
        ("blind_urgency_dx.jsonl", 0.82, 1.0),
        ("blind_urgency_dy.jsonl", 0.865, 1.0),
        ("blind_urgency_dz.jsonl", 0.78, 1.0),
        ("blind_urgency_ea.jsonl", 0.9, 1.0),
        ("blind_urgency_eb.jsonl", 0.83, 1.0),
        ("blind_urgency_ec.jsonl", 0.82, 1.0),
        ("blind_urgency_ed.jsonl", 0.83, 1.0),
        ("blind_urgency_ee.jsonl", 0.775, 1.0),
        ("blind_urgency_ef.jsonl", 0.805, 1.0),
        ("blind_urgency_eg.jsonl", 0.83, 1.0),
        ("blind_urgency_eh.jsonl", 0.91, 1.0),
        ("blind_urgency_ei.jsonl", 0.75, 1.0),
        ("blind_urgency_ej.jsonl", 0.77, 1.0),
        ("blind_urgency_ek.jsonl", 0.86, 0.995),
        ("blind_urgency_el.jsonl", 0.83, 1.0),
        ("blind_urgency_em.jsonl", 0.705, 1.0),
        ("blind_urgency_en.jsonl", 0.835, 1.0),
        ("blind_urgency_eo.jsonl", 0.88, 1.0),
        ("blind_urgency_ep.jsonl", 0.865, 1.0),
        ("blind_urgency_eq.jsonl", 0.83, 1.0),
        ("blind_urgency_er.jsonl", 0.85, 1.0),
        ("blind_urgency_es.jsonl", 0.905, 1.0),
        ("blind_urgency_et.jsonl", 0.865, 1.0),
        ("blind_urgency_eu.jsonl", 0.8, 1.0),
        ("blind_urgency_ev.jsonl", 0.89, 1.0),
        ("blind_urgency_ew.jsonl", 0.92, 1.0),
        ("blind_urgency_ex.jsonl", 0.84, 1.0),
        ("blind_urgency_ey.jsonl", 0.795, 1.0),
        ("blind_urgency_ez.jsonl", 0.85, 1.0),
        ("blind_urgency_fa.jsonl", 0.875, 1.0),
        ("blind_urgency_fb.jsonl", 0.86, 1.0),
        ("blind_urgency_fc.jsonl", 0.875, 1.0),
        ("blind_urgency_fd.jsonl", 0.82, 1.0),
        ("blind_urgency_fe.jsonl", 0.9, 1.0),
        ("blind_urgency_ff.jsonl", 0.795, 0.995),
        ("blind_urgency_fg.jsonl", 0.66, 1.0),
        ("blind_urgency_fh.jsonl", 0.84, 1.0),
        ("blind_urgency_fi.jsonl", 0.9, 1.0),
        ("blind_urgency_fj.jsonl", 0.865, 1.0),
        ("blind_urgency_fk.jsonl", 0.765, 1.0),
        ("blind_urgency_fl.jsonl", 0.86, 1.0),
        ("blind_urgency_fm.jsonl", 0.78, 1.0),
        ("blind_urgency_fn.jsonl", 0.865, 1.0),
        ("blind_urgency_fo.jsonl", 0.715, 1.0),
        ("blind_urgency_fp.jsonl", 0.805, 1.0),
        ("blind_urgency_fq.jsonl", 0.865, 1.0),
        ("blind_urgency_fr.jsonl", 0.69, 1.0),
        ("blind_urgency_fs.jsonl", 0.895, 1.0),
        ("blind_urgency_ft.jsonl", 0.835, 1.0),
        ("blind_urgency_fu.jsonl", 0.725, 1.0),
        ("blind_urgency_fv.jsonl", 0.75, 1.0),
        ("blind_urgency_fw.jsonl", 0.815, 1.0),
        ("blind_urgency_fx.jsonl", 0.905, 0.99),
        ("blind_urgency_fy.jsonl", 0.77, 0.995),
        ("blind_urgency_fz.jsonl", 0.755, 1.0),
        ("blind_urgency_ga.jsonl", 0.89, 1.0),
        ("blind_urgency_gb.jsonl", 0.795, 1.0),
        ("blind_urgency_gc.jsonl", 0.83, 1.0),
        ("blind_urgency_gd.jsonl", 0.86, 1.0),
        ("blind_urgency_ge.jsonl", 0.65, 1.0),
        ("blind_urgency_gf.jsonl", 0.825, 1.0),
        ("blind_urgency_gg.jsonl", 0.875, 1.0),
        ("blind_urgency_gh.jsonl", 0.915, 1.0),
        ("blind_urgency_gi.jsonl", 0.71, 1.0),
        ("blind_urgency_gj.jsonl", 0.86, 1.0),
        ("blind_urgency_gk.jsonl", 0.77, 1.0),
        ("blind_urgency_gl.jsonl", 0.755, 1.0),
        ("blind_urgency_gm.jsonl", 0.865, 1.0),
        ("blind_urgency_gn.jsonl", 0.775, 0.995),
        ("blind_urgency_go.jsonl", 0.765, 1.0),
        ("blind_urgency_gp.jsonl", 0.89, 1.0),
        ("blind_urgency_gq.jsonl", 0.765, 0.995),
        ("blind_urgency_gr.jsonl", 0.705, 1.0),
        ("blind_urgency_gs.jsonl", 0.85, 1.0),
        ("blind_urgency_gt.jsonl", 0.865, 1.0),
        ("blind_urgency_gu.jsonl", 0.87, 1.0),
        ("blind_urgency_gv.jsonl", 0.87, 1.0),
        ("blind_urgency_gw.jsonl", 0.86, 1.0),
        ("blind_urgency_gx.jsonl", 0.77, 1.0),
        ("blind_urgency_gy.jsonl", 0.835, 1.0),
        ("blind_urgency_gz.jsonl", 0.93, 1.0),
        ("blind_urgency_ha.jsonl", 0.74, 1.0),
        ("blind_urgency_hb.jsonl", 0.795, 1.0),
        ("blind_urgency_hc.jsonl", 0.775, 1.0),
        ("blind_urgency_hd.jsonl", 0.755, 1.0),
        ("blind_urgency_he.jsonl", 0.86, 1.0),
        ("blind_urgency_hf.jsonl", 0.79, 1.0),
        ("blind_urgency_hg.jsonl", 0.72, 1.0),
        ("blind_urgency_hh.jsonl", 0.855, 1.0),
        ("blind_urgency_hi.jsonl", 0.89, 1.0),
        ("blind_urgency_hj.jsonl", 0.89, 1.0),
        ("blind_urgency_hk.jsonl", 0.87, 1.0),
        ("blind_urgency_hl.jsonl", 0.81, 1.0),
        ("blind_urgency_hm.jsonl", 0.855, 1.0),
        ("blind_urgency_hn.jsonl", 0.87, 1.0),
        ("blind_urgency_ho.jsonl", 0.84, 0.995),
        ("blind_urgency_hp.jsonl", 0.905, 0.995),
        ("blind_urgency_hq.jsonl", 0.79, 1.0),
        ("blind_urgency_hr.jsonl", 0.885, 1.0),
        ("blind_urgency_hs.jsonl", 0.875, 1.0),
        ("blind_urgency_ht.jsonl", 0.94, 1.0),
        ("blind_urgency_hu.jsonl", 0.89, 1.0),
        ("blind_urgency_hv.jsonl", 0.83, 1.0),
        ("blind_urgency_hw.jsonl", 0.89, 0.995),
        ("blind_urgency_hx.jsonl", 0.85, 1.0),
        ("blind_urgency_hy.jsonl", 0.875, 1.0),
        ("blind_urgency_hz.jsonl", 0.81, 1.0),
        ("blind_urgency_ia.jsonl", 0.775, 1.0),
        ("blind_urgency_ib.jsonl", 0.86, 0.995),
        ("blind_urgency_ic.jsonl", 0.725, 1.0),
        ("blind_urgency_id.jsonl", 0.845, 1.0),
        ("blind_urgency_ie.jsonl", 0.86, 1.0),
        ("blind_urgency_if.jsonl", 0.80, 1.0),
        ("blind_urgency_ig.jsonl", 0.96, 1.0),
        ("blind_urgency_ih.jsonl", 0.87, 1.0),
        ("blind_urgency_ii.jsonl", 0.91, 1.0),
        ("blind_urgency_ij.jsonl", 0.92, 1.0),
        ("blind_urgency_ik.jsonl", 0.825, 0.995),
        ("blind_urgency_il.jsonl", 0.905, 0.99),
        ("blind_urgency_im.jsonl", 0.92, 0.935),
        ("blind_urgency_in.jsonl", 0.86, 1.0),
        ("blind_urgency_io.jsonl", 0.95, 1.0),
        ("blind_urgency_ip.jsonl", 0.93, 0.995),
        ("blind_urgency_iq.jsonl", 0.91, 1.0),
        ("blind_urgency_ir.jsonl", 0.89, 1.0),
        ("blind_urgency_is.jsonl", 0.825, 1.0),
        ("blind_urgency_it.jsonl", 0.77, 1.0),
        ("blind_urgency_iu.jsonl", 0.905, 1.0),
        ("blind_urgency_iv.jsonl", 0.895, 1.0),
        ("blind_urgency_iw.jsonl", 0.855, 1.0),
        ("blind_urgency_ix.jsonl", 0.89, 1.0),
        ("blind_urgency_iy.jsonl", 0.865, 1.0),
        ("blind_urgency_iz.jsonl", 0.92, 1.0),
        ("blind_urgency_ja.jsonl", 0.905, 1.0),
        ("blind_urgency_jb.jsonl", 0.895, 1.0),
        ("blind_urgency_jc.jsonl", 0.695, 1.0),
        ("blind_urgency_jd.jsonl", 0.79, 1.0),
        ("blind_urgency_je.jsonl", 0.90, 1.0),
        ("blind_urgency_jf.jsonl", 0.895, 1.0),
        ("blind_urgency_jg.jsonl", 0.69, 1.0),
        ("blind_urgency_jh.jsonl", 0.845, 1.0),
        ("blind_urgency_ji.jsonl", 0.895, 1.0),
        ("blind_urgency_jj.jsonl", 0.87, 1.0),
        ("blind_urgency_jk.jsonl", 0.89, 1.0),
        ("blind_urgency_jl.jsonl", 0.81, 1.0),
        ("blind_urgency_jm.jsonl", 0.90, 1.0),
        ("blind_urgency_jn.jsonl", 0.805, 1.0),
        ("blind_urgency_jo.jsonl", 0.86, 1.0),
        ("blind_urgency_jp.jsonl", 0.87, 0.995),
        ("blind_urgency_jq.jsonl", 0.87, 1.0),
        ("blind_urgency_jr.jsonl", 0.91, 1.0),
        ("blind_urgency_js.jsonl", 0.815, 1.0),
        ("blind_urgency_jt.jsonl", 0.845, 1.0),
        ("blind_urgency_ju.jsonl", 0.88, 1.0),
        ("blind_urgency_jv.jsonl", 0.855, 1.0),
        ("blind_urgency_jw.jsonl", 0.77, 0.99),
        ("blind_urgency_jx.jsonl", 0.84, 1.0),
    ],
)
def test_blind_urgency_sets_stay_at_their_level(
    router: Router, name: str, category: float, place: float
) -> None:
    """200 complaints each written without seeing the rules to probe urgency (A, B 70 urgent;
    C to T 80). First pass: A category 87.0 %, recall 71.4 %, precision 98.0 %; B 89.0 %,
    74.3 %, 97.8 %; C 81.5 %, 73.8 %, 93.3 % (asked on 2.5 % of its ordinary complaints); D,
    with the n-gram model, 80.5 %, 90.0 %, 90.6 % (rules alone: recall 67.5 %); E 75.5 %,
    93.8 %, 92.3 %, asked on 2.5 % (rules alone: recall 68.8 %); F, after E's fixes, 72.5 %,
    92.5 %, 87.9 %, asked on 1.7 % (rules alone: recall 71.2 %); G, after F's fixes, 74.0 %,
    85.0 %, 88.5 %, none asked (rules alone: recall 60.0 %); H, after G's fixes, 72.0 %,
    93.8 %, 91.1 %, none asked (rules alone: recall 65.0 %); I, after H's fixes, 91.5 %,
    95.0 %, 89.9 %, asked on 0.8 % (rules alone: recall 85.0 %); J 84.5 %, 93.8 %, 93.0 %, none
    asked (rules alone: recall 75.0 %); K, after I's and J's fixes, 78.0 %, 96.2 %, 93.4 %, asked
    on 2.5 % (rules alone: recall 78.8 %); L, after K's fixes, 73.5 %, 91.2 %, 92.9 %, asked on
    0.8 % (rules alone: recall 57.5 %); M, after L's fixes, 84.5 %, 95.0 %, 90.8 %, asked on
    1.7 % (rules alone: recall 78.8 %); N, after M's fixes, 82.0 %, 97.5 %, 96.5 %, asked on
    0.8 % (rules alone: recall 73.8 %); O, after N's fixes, 79.0 %, 93.8 %, 96.0 %, asked on
    1.7 % (rules alone: recall 68.8 %); P, after O's fixes, 79.5 %, 87.5 %, 88.0 %, none asked
    (rules alone: recall 62.5 %); Q, after P's fixes, 79.5 %, 97.5 %, 96.3 %, asked on 0.8 %
    (rules alone: recall 68.8 %); R, after Q's fixes, 79.5 %, 96.2 %, 95.7 %, asked on 1.7 %
    (rules alone: recall 61.3 %); S, after R's fixes, 81.0 %, 100 %, 96.2 %, none asked (rules
    alone: recall 67.5 %), the first first pass to catch every urgent complaint; T, after S's
    fixes, 83.5 %, 98.8 %, 96.8 %, asked on 0.8 % (rules alone: recall 80.0 %); U to JX, two or
    four at a time: recall 91.2–100 %, precision 82.7–100 % (tests/nlp/data/README.md). After
    the family fixes every urgent case is caught (a question counting as caught), none falsely,
    and at most 2 % of a set's ordinary complaints are asked about (IL: 2 of 120)."""
    report = report_for(router, DATA / name)
    summary = "\n".join(report.lines())
    assert report.total == 200, summary
    assert report.category_accuracy >= category, summary
    assert report.place_accuracy >= place, summary
    assert report.urgent_recall == 1.0, summary
    assert report.urgent_precision >= 1.0, summary
    assert report.ask_rate <= 0.02, summary


def test_ordinary_complaints_are_rarely_asked_about(router: Router) -> None:
    """Across every labelled set, the urgency question (rules and model) reaches under 1 % of
    ordinary complaints, and under 5 % of those of any one set."""
    asked = total = 0
    for path in sorted(DATA.glob("*.jsonl")):
        report = report_for(router, path)
        assert report.ask_rate < 0.05, (path.name, report.calm_asked, report.calm_total)
        asked, total = asked + report.calm_asked, total + report.calm_total
    assert total >= 2600
    assert asked / total < 0.01, (asked, total)


@pytest.mark.parametrize(
    "name",
    [
        "holdout.jsonl",
        "holdout2.jsonl",
        "holdout3.jsonl",
        "holdout4.jsonl",
        "holdout5.jsonl",
        "holdout6.jsonl",
    ],
)
def test_held_out_sets(router: Router, name: str) -> None:
    report = report_for(router, DATA / name)
    summary = "\n".join(report.lines())
    assert report.category_accuracy >= 0.94, summary
    assert report.place_accuracy >= 0.99, summary
    assert report.urgent_recall == 1.0, summary
    assert report.urgent_precision >= 0.90, summary


def test_held_out_sets_cover_everything() -> None:
    cases = [
        case
        for name in ("holdout.jsonl", "holdout2.jsonl", "holdout3.jsonl")
        for case in load_cases(DATA / name)[0]
    ]
    categories = {case.expect["category"] for case in cases}
    assert len(categories) == 19
    assert sum(case.location is not None for case in cases) >= 40
    assert sum(case.expect["urgent"] for case in cases) >= 25
    assert sum(case.expect["community"] is None for case in cases) >= 10
