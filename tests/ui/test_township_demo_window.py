"""The demo township in its window: marked as demo data, every tab with something to show."""

from PySide6.QtCore import QSettings

from reopen_desktop.datafile import storage
from reopen_desktop.demo import township
from reopen_desktop.township.headquarters import Headquarters
from reopen_desktop.township.schema import TOWNSHIP
from ui.township_window import TownshipWindow

from .conftest import make_session


def test_the_demo_township_window_is_marked_and_shows_a_gap_an_alert_and_villages(qtbot,
                                                                                   tmp_path):
    data = storage.open_data_file(tmp_path / "township.db", kind=TOWNSHIP)
    result = township.fill_township_demo(data)
    window = TownshipWindow(Headquarters(data),
                            QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert "示例数据" in window.windowTitle()
    assert window.demo_mark is not None and window.demo_mark.isVisible()
    cells = [c.show(row) for row in window.grid_model.rows for c in window.grid_model.columns]
    assert cells.count("未报") == 1 and len(window.grid_model.rows) == 6
    assert "数据包缺号" in window.rate.text()
    assert {a["school"] for a in window.alerts_model.rows} == {"示例镇中心小学(示例)"}
    assert len({p["village"] for p in window.key_model.rows}) >= 5
    assert len(window.slips_model.rows) == len(result.schools)
    window.resize(1100, 640)
    window.grab().save(str(tmp_path / "township_demo.png"))
    window.tabs.setCurrentIndex(2)
    window.grab().save(str(tmp_path / "township_demo_villages.png"))
    data.close()


def test_demo_township_opens_a_freshly_made_demo_township(qtbot, tmp_path, monkeypatch):
    session = make_session(tmp_path, "--demo-township")
    session.settings.setValue("operator/name", "李干事")
    monkeypatch.setattr(session.app, "exec", lambda: 0)
    try:
        assert session.start() == 0
        assert isinstance(session.township_window, TownshipWindow)
        assert session.township_window.township.is_demo
        assert session.township_window.grid_model.rowCount() == 6
    finally:
        session.township_window.close()
        session.close()
