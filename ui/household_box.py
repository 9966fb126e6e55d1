"""The household part of a person file (同住家庭): siblings at the school, and the people
the pupil lives with, their travel and health. Writes go through
``reopen_desktop.households``; an exposure at home makes the pupils key persons."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from reopen_desktop.office.records import Travel
from ui import ask, forms
from ui.forms import Field, FormDialog, date_field
from ui.translations import join


class HouseholdBox(QGroupBox):
    changed = Signal()

    def __init__(self, office: Office, person_id: int):
        super().__init__()
        self.setTitle(self.tr("同住家庭"))
        self.office = office
        self.person_id = person_id
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        link = QPushButton(self.tr("关联在校兄弟姐妹…"))
        link.clicked.connect(self.link_sibling)
        member = QPushButton(self.tr("添加同住成员…"))
        member.clicked.connect(self.add_member)
        self.remove_button = QPushButton(self.tr("移除同住成员…"))
        self.remove_button.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        buttons.addWidget(link)
        buttons.addWidget(member)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        household = self.office.people.household_of(self.person_id)
        self.remove_button.setEnabled(bool(household and household.members))
        if household is None:
            self.summary.setText(self.tr("未登记同住家庭。兄弟姐妹同校的,关联后一份申报即可覆盖全家。"))
            return
        siblings = [f"{p['name']}({p['class_name']})" for p in household.people
                    if p["id"] != self.person_id]
        members = [self._member_line(m) for m in household.members]
        self.summary.setText("\n".join(
            [self.tr("在校兄弟姐妹:{0}").format(join(siblings) or self.tr("无"))]
            + (members or [self.tr("尚未登记同住成员。")])))

    def _member_line(self, member: records.Member) -> str:
        trips = self.tr(";").join(" ".join(filter(None, (t.place, "~".join(
            filter(None, (t.date_from, t.date_to)))))) for t in member.travels)
        parts = [f"{member.relation}{member.name}", member.health,
                 self.tr("行程:{0}").format(trips) if trips else "",
                 self.tr("{0} 返回").format(member.arrived_on) if member.arrived_on else "",
                 self.tr("重点人员") if member.key_person else ""]
        return " ".join(p for p in parts if p)

    def _write(self, write) -> None:
        if ask.saved(self, write):
            self.refresh()
            self.changed.emit()

    def link_sibling(self) -> None:
        typed = ask.text(self, self.tr("关联兄弟姐妹"), self.tr("兄弟姐妹的姓名或证件号后四位:"))
        if not typed:
            return
        found = [p for p in self.office.people.search(typed)[:20] if p.id != self.person_id]
        if not found:
            ask.inform(self, self.tr("关联兄弟姐妹"), self.tr("没有找到“{0}”。").format(typed))
            return
        sibling = ask.choose(self, self.tr("关联兄弟姐妹"), self.tr("是谁:"),
                             [(f"{p.class_name} {p.name}", p) for p in found])
        if sibling is not None:
            self._write(lambda: self.office.people.link([self.person_id, sibling.id]))

    def add_member(self) -> None:
        """The form checks the ID and the dates as they are typed; the core's refusal (an ID
        already in another household …) lands on its field, with everything kept."""
        dialog = FormDialog(self, self.tr("添加同住成员"), self.tr("保存"), [
            Field("name", self.tr("姓名"), required=True, refusals=("member_name_empty",)),
            Field("relation", self.tr("关系(如 父亲、祖母)")),
            Field("id_number", self.tr("身份证号(可不填)"), check=forms.an_id_number,
                  refusals=("member_bad_id", "member_in_two_households")),
            Field("health", self.tr("健康状况")),
            Field("place", self.tr("假期去过的地方(可不填)")),
            date_field("date_from", self.tr("去的日期")),
            date_field("date_to", self.tr("离开日期")),
            date_field("arrived_on", self.tr("返回本地日期")),
            date_field("exposure_date", self.tr("重点人员的暴露日期"),
                       refusals=("member_exposure_date",))],
            [("key_person", self.tr("此人是重点人员(密切接触者等)"), False)],
            submit=self._add_member, rules=self._member_rules)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()

    def _member_rules(self, v: Mapping[str, Any]) -> dict[str, str]:
        found = {}
        if v.get("key_person") and not (v.get("exposure_date") or v.get("arrived_on")):
            found["exposure_date"] = self.tr("重点人员请填写暴露日期(或返回本地日期)。")
        if v.get("date_from") and v.get("date_to") and v["date_to"] < v["date_from"]:
            found["date_to"] = self.tr("离开日期早于去的日期。")
        return found

    def _add_member(self, v: dict[str, Any]) -> int:
        travels = [Travel(v["place"], v["date_from"], v["date_to"])] if v["place"] else []
        household = self.office.people.household_of(self.person_id)
        return self.office.people.add_member(
            household.id if household else None, for_person=self.person_id,
            name=v["name"], relation=v["relation"], id_number=v["id_number"],
            health=v["health"], travels=travels, arrived_on=v["arrived_on"],
            key_person=bool(v["key_person"]), exposure_date=v["exposure_date"])

    def remove_member(self) -> None:
        """Take someone off the household, after saying what it leaves as it is: the
        observations they started end only when the school doctor ends them."""
        household = self.office.people.household_of(self.person_id)
        if household is None or not household.members:
            return
        member = ask.choose(self, self.tr("移除同住成员"), self.tr("移除谁:"),
                            [(f"{m.relation}{m.name}", m) for m in household.members])
        if member is None:
            return
        question = self.tr(
            "从同住家庭中移除{0}?其姓名、身份证号、电话将被彻底删除,不能撤销。").format(
            f"{member.relation}{member.name}")
        if self.office.people.member_exposures(member):
            question += "\n" + self.tr(
                "{0} 因此人成为重点人员,移除后观察不会结束;如属误录,请校医在“摸排 → 重点人员”中"
                "解除。").format(join(p["name"] for p in household.people))
        if ask.confirm(self, self.tr("移除同住成员"), question, yes=self.tr("移除")):
            self._write(lambda: self.office.people.remove_member(member.id))
