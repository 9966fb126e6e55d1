"""The benchmark harness's own logic, with fake timings: no window is launched."""

import json
import sys

import pytest

from benchmarks import run


def _registry(*, project=0.2, baseline=0.1, goal=3.0, prepare=None):
    registry = {}

    @run.benchmark("fake", goal=goal, registry=registry)
    def fake(context):
        """A fake that takes no time at all."""
        if prepare:
            prepare(context)
        return run.Contest(project=lambda: project, baseline=lambda: baseline)

    return registry


def _context(tmp_path):
    return run.Context(quick=True, workdir=tmp_path)


def test_the_median_ignores_one_slow_outlier():
    assert run.median([0.1, 0.1, 5.0]) == 0.1
    assert run.median([1.0, 2.0, 3.0, 4.0]) == 2.5
    with pytest.raises(ValueError):
        run.median([])


def test_the_ratio_is_project_over_baseline_and_none_without_a_baseline():
    assert run.ratio(300.0, 100.0) == 3.0
    assert run.ratio(300.0, 0.0) is None


def test_runs_alternate_sides_and_swap_who_goes_first(tmp_path):
    order = []
    contest = run.Contest(project=lambda: order.append("p") or 1.0,
                          baseline=lambda: order.append("b") or 1.0)
    project, baseline = run.interleave(contest, 3, warm_up=False)
    assert order == ["p", "b", "b", "p", "p", "b"]
    assert len(project) == len(baseline) == 3


def test_the_warm_up_runs_are_not_counted(tmp_path):
    calls = []
    contest = run.Contest(project=lambda: calls.append(1) or 1.0, baseline=lambda: 1.0)
    project, _baseline = run.interleave(contest, 2)
    assert (len(calls), len(project)) == (3, 2)


def test_a_result_within_its_goal_is_ok_in_milliseconds(tmp_path):
    [result] = run.run_all([], _context(tmp_path), 3, _registry(project=0.25, baseline=0.1))
    assert (result.value, result.baseline, result.ratio, result.ok) == (250.0, 100.0, 2.5, True)


def test_a_result_over_its_goal_is_not_ok(tmp_path):
    [result] = run.run_all([], _context(tmp_path), 3, _registry(project=0.4, baseline=0.1))
    assert (result.ratio, result.ok) == (4.0, False)
    assert "MISSED GOAL" in run.format_table([result])


def test_a_watched_benchmark_without_a_goal_reports_its_figure_and_never_fails(tmp_path):
    [result] = run.run_all([], _context(tmp_path), 3,
                           _registry(project=0.4, baseline=0.1, goal=None))
    assert (result.ratio, result.goal, result.ok) == (4.0, None, True)
    line = run.format_table([result]).splitlines()[-1]
    assert "4.00" in line and "watched" in line and "MISSED" not in line


def test_a_benchmark_that_cannot_run_fails_alone_with_its_reason(tmp_path):
    def broken(context):
        raise run.BenchmarkFailed("main.py exited 1 without printing 'first paint:'")

    registry = _registry(prepare=broken)
    run.benchmark("other", goal=2.0, registry=registry)(
        lambda context: run.Contest(project=lambda: 1.0, baseline=lambda: 1.0))
    failed, other = run.run_all([], _context(tmp_path), 1, registry)
    assert (failed.value, failed.ratio, failed.ok) == (None, None, False)
    assert "first paint" in failed.error
    assert "FAILED" in run.format_table([failed])
    assert other.ok


def test_the_json_has_exactly_the_agreed_keys(tmp_path):
    results = run.run_all([], _context(tmp_path), 1, _registry())
    document = json.loads(json.dumps(run.to_json(results)))
    assert list(document) == ["benchmarks"]
    assert set(document["benchmarks"][0]) == {"name", "value", "baseline", "ratio", "goal",
                                              "unit", "ok"}


def test_a_name_registered_twice_is_an_error():
    registry = _registry()
    with pytest.raises(ValueError):
        run.benchmark("fake", goal=1.0, registry=registry)(lambda context: None)


def test_an_unknown_benchmark_name_stops_the_run(tmp_path):
    with pytest.raises(SystemExit):
        run.run_all(["nope"], _context(tmp_path), 1, _registry())


def test_launch_refuses_a_program_that_does_not_print_its_first_paint():
    with pytest.raises(run.BenchmarkFailed, match="exited 3"):
        run.launch([sys.executable, "-c", "import sys; print('hello'); sys.exit(3)"])
    assert run.launch([sys.executable, "-c", "print('first paint: 1 ms')"]) > 0


def test_startup_is_registered_with_its_goal():
    assert run.REGISTRY["startup"].goal == 3.0
    assert run.REGISTRY["startup"].description.startswith("Start-up to first paint")


def test_the_cold_daily_log_is_held_to_issue_18s_goal():
    """A log printed from a file just opened (day summary computed, no cache): ≤ 1.3."""
    assert run.REGISTRY["daily_log_cold"].goal == 1.3
    assert run.REGISTRY["daily_log"].goal == 1.3


def _small_school(tmp_path):
    from reopen_desktop.datafile.storage import open_data_file
    from reopen_desktop.demo import school as demo_school

    data_file = tmp_path / "small.db"
    with open_data_file(data_file) as data:
        demo_school.fill_demo(data, students=60, seed=1)
    return data_file


def test_the_window_probe_opens_every_tab_of_a_small_school(tmp_path):
    """The probe behind tab_open_worst and memory_big drives the real window: it must
    keep up with the window's door (it once closed ``window.data``, long gone)."""
    data_file = _small_school(tmp_path)
    found = run._probe(_context(tmp_path), "tabs", str(data_file))  # noqa: SLF001
    assert len(found["again"]) >= 10
    assert set(found["again"]) - set(found["first"]) == {next(iter(found["again"]))}
    assert all(ms > 0 for ms in found["again"].values())


def test_every_tab_opens_without_openssl_or_the_libraries_of_printing_and_exchange(tmp_path):
    """memory_big's window, every tab open, holds none of the libraries a clerk needs only
    to print, export, import, back up or type a password: OpenSSL alone is ~3.5 MB."""
    found = run._probe(_context(tmp_path), "memory", str(_small_school(tmp_path)))  # noqa: SLF001
    assert found["heavy_loaded"] == []
    assert found["rss_mib"] > found["shown_mib"] > 0
