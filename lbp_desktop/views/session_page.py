"""Session: browse the exercise plans and read one the way you would on paper.

The page knows nothing of the content model: the app passes PlanViews
(lbp_desktop.views.plan_view.plan_views(library) makes them) to set_plans().
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidgetItem, QVBoxLayout, QWidget

from lbp_desktop.views.forms.ui_session_page import Ui_SessionPage
from lbp_desktop.views.plan_view import PlanView, describe_dosage, minutes_words
from lbp_desktop.views.progression_notice import ProgressionNotice
from lbp_desktop.views.words import plural

__all__ = ["PlanView", "SessionPage", "describe_dosage", "plan_html"]

ORIGIN_WORDS = {"bundled": "Comes with the app", "user": "Added by you or your physio"}
SAFETY_NOTE = (
    "Move slowly and breathe normally. Mild discomfort is common; stop an exercise if it "
    "makes your pain clearly worse or brings pain, tingling or numbness down a leg, and "
    "tell your physiotherapist or doctor."
)
_PLAN_ID_ROLE = Qt.ItemDataRole.UserRole


class SessionPage(QWidget):
    plan_selected = Signal(str)  # plan id
    start_requested = Signal(str)  # plan id: the user wants a guided session

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SessionPage()
        self.ui.setupUi(self)
        self._plans: dict[str, PlanView] = {}
        self.ui.detailsBrowser.document().setDocumentMargin(14)
        self.ui.planList.currentItemChanged.connect(self._on_current_changed)
        self.setFocusProxy(self.ui.planList)
        self.ui.startButton.clicked.connect(self._request_start)
        start_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        start_shortcut.activated.connect(self._request_start)
        # Which plan to do next and why (after a session that hurt, say).
        self.suggestion_label = QLabel()
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setProperty("role", "feedback")
        self.suggestion_label.setProperty("state", "ok")
        self.suggestion_label.setAccessibleName("Suggested plan")
        self.suggestion_label.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.ui.introLabel) + 1, self.suggestion_label)
        # How the last session's ratings changed the doses, with undo.
        self.progression_notice = ProgressionNotice()
        layout.insertWidget(layout.indexOf(self.suggestion_label) + 1, self.progression_notice)
        self._suggested: str | None = None
        self.set_plans([])

    def set_plans(self, plans: Sequence[PlanView]) -> None:
        """Show these plans; keeps the selection when the chosen plan is still there."""
        previous = self.selected_plan_id()
        self._plans = {plan.id: plan for plan in plans}
        plan_list = self.ui.planList
        plan_list.blockSignals(True)
        plan_list.clear()
        for plan in plans:
            # Three short lines rather than one long one that the narrow list would cut.
            origin = ORIGIN_WORDS.get(plan.origin, plan.origin)
            minutes = minutes_words(plan.minutes).capitalize()
            item = QListWidgetItem(f"{plan.name}\n{minutes}\n{origin}")
            item.setData(_PLAN_ID_ROLE, plan.id)
            item.setToolTip(plan.summary)
            plan_list.addItem(item)
        plan_list.blockSignals(False)

        has_plans = bool(plans)
        self.ui.emptyLabel.setVisible(not has_plans)
        for widget in (
            self.ui.planListLabel,
            self.ui.planList,
            self.ui.detailsLabel,
            self.ui.detailsBrowser,
            self.ui.startButton,
        ):
            widget.setVisible(has_plans)
        if not has_plans:
            self.ui.detailsBrowser.clear()
            return
        ids = [plan.id for plan in plans]
        row = ids.index(previous) if previous in ids else 0
        plan_list.setCurrentRow(row)
        if plan_list.currentItem() is not None:
            self._show_details(self._plans[ids[row]])

    def set_suggestion(self, plan_id: str | None, text: str = "") -> None:
        """Mark and select the plan to do next, with the reason; None clears it."""
        self._suggested = plan_id
        shown = plan_id is not None and plan_id in self._plans
        self.suggestion_label.setText(text if shown else "")
        self.suggestion_label.setVisible(shown)
        if shown:
            assert plan_id is not None
            self.select_plan(plan_id)

    def suggested_plan_id(self) -> str | None:
        return self._suggested

    def selected_plan_id(self) -> str | None:
        item = self.ui.planList.currentItem()
        return None if item is None else str(item.data(_PLAN_ID_ROLE))

    def select_plan(self, plan_id: str) -> bool:
        for row in range(self.ui.planList.count()):
            if self.ui.planList.item(row).data(_PLAN_ID_ROLE) == plan_id:
                self.ui.planList.setCurrentRow(row)
                return True
        return False

    def _request_start(self) -> None:
        plan_id = self.selected_plan_id()
        if plan_id is not None:
            self.start_requested.emit(plan_id)

    def details_text(self) -> str:
        return self.ui.detailsBrowser.toPlainText()

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        plan = self._plans.get(str(current.data(_PLAN_ID_ROLE)))
        if plan is not None:
            self._show_details(plan)
            self.plan_selected.emit(plan.id)

    def _show_details(self, plan: PlanView) -> None:
        self.ui.detailsBrowser.setHtml(plan_html(plan))
        self.ui.detailsBrowser.setAccessibleDescription(f"Details of {plan.name}")


def _list_subtitle(plan: PlanView) -> str:
    origin = ORIGIN_WORDS.get(plan.origin, plan.origin)
    return f"{minutes_words(plan.minutes).capitalize()} · {origin}"


def plan_html(plan: PlanView) -> str:
    steps = "".join(
        f"<li><b>{escape(name)}</b>" + (f": {escape(dosage)}" if dosage else "") + "</li>"
        for name, dosage in plan.items
    )
    count = plural(len(plan.items), "exercise")
    html = [
        f"<h2>{escape(plan.name)}</h2>",
        f"<p>{escape(_list_subtitle(plan))}</p>",
    ]
    if plan.summary:
        html.append(f"<p>{escape(plan.summary)}</p>")
    html.append(f"<h3>{count.capitalize()}, in this order</h3>")
    html.append(f"<ol>{steps}</ol>" if steps else "<p>This plan has no exercises.</p>")
    if plan.sources:
        sources = "".join(f"<li>{escape(source)}</li>" for source in plan.sources)
        html.append(f"<h3>Where this comes from</h3><ul>{sources}</ul>")
    html.append(f"<p><i>{escape(SAFETY_NOTE)}</i></p>")
    return "\n".join(html)
