"""The detail panel of one application: every field, each rule, duplicates, history.

Applicant text is escaped: it is shown as typed, never interpreted as markup.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QApplication, QTextBrowser

from app.countries import name_of
from models.money import display
from ui.queue_model import eligibility_label, is_dark, status_label

_OUTCOME_MARK = {"pass": "✔", "fail": "✘", "unknown": "?"}


def tr(text: str) -> str:
    return QApplication.translate("DetailView", text)


class DetailView(QTextBrowser):
    """Shows `app.queries.application_detail`; links to other applications emit `open_application`."""

    open_application = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.application: int | None = None  # Startup Desk's id of the application shown
        self.setOpenLinks(False)
        self.setAccessibleName(tr("Application details"))
        self.anchorClicked.connect(self._follow)
        self.show_nothing()

    def show_nothing(self, text: str | None = None) -> None:
        self.application = None
        self.setHtml(f"<p style='color:gray'>{escape(text or tr('Select an application to see its details.'))}</p>")

    def show_loading(self, application: int, title: str) -> None:
        """The application that is being read: its name at once, the rest when it comes."""
        self.application = application
        self.setHtml(
            f"<h2 style='margin-bottom:2px'>{escape(title)}</h2><p style='color:gray'>{escape(tr('Reading…'))}</p>"
        )

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "app" and url.path().isdecimal():
            self.open_application.emit(int(url.path()))

    def show_detail(self, detail: dict) -> None:
        self.application = detail["row"]["id"]
        self.setHtml(render(detail))


def _colour(outcome: str) -> str:
    dark = is_dark()
    return {
        "pass": "#7bd88f" if dark else "#1b7a34",
        "fail": "#ff8a80" if dark else "#b3261e",
        "unknown": "#ffd166" if dark else "#8a5a00",
    }[outcome]


def render(detail: dict) -> str:
    row = detail["row"]
    e = escape
    funding = (
        display(row["total_funding_cents"])
        if row["total_funding_cents"] is not None
        else (tr("given in %s") % row["funding_currency"] if row["funding_currency"] else "—")
    )
    previous = {True: tr("yes"), False: tr("no"), None: "—"}[row["previous_discount"]]
    fields = [
        (tr("Application"), row["application_id"] or f"#{row['id']}"),
        (tr("Submitted"), row["submitted_on"].isoformat()),
        (
            tr("Contact"),
            f"{row['contact_name']} <{row['contact_email']}>" if row["contact_name"] else row["contact_email"],
        ),
        (tr("Country"), f"{name_of(row['country'])} ({row['country']})"),
        (tr("Incorporated"), row["incorporated_on"].isoformat() if row["incorporated_on"] else "—"),
        (tr("Total funding (USD)"), funding),
        (tr("Previous discount declared"), previous),
        (tr("Website"), row["website"] or "—"),
        (tr("Workspace"), row["workspace"] or "—"),
    ]
    partner = detail.get("partner")
    if row["partner_code"]:
        label = (
            f"{partner['name']} ({row['partner_code']}, {partner['status']})"
            if partner
            else f"{row['partner_code']} — {tr('unknown partner code')}"
        )
        fields.append((tr("Partner"), label))
    enrollment = detail.get("enrollment")
    if enrollment:
        fields.append(
            (tr("Enrollment"), f"{enrollment['workspace']} ({enrollment['status']}, {enrollment['accepted_on']})")
        )
    parts = [
        f"<h2 style='margin-bottom:2px'>{e(row['company'])}</h2>",
        f"<p><b>{e(status_label(row['status']))}</b> · {e(eligibility_label(row['eligibility']))}"
        f" · {e(tr('policy version'))} {row['policy_version']}</p>",
        "<table cellspacing='0' cellpadding='2'>",
        *(f"<tr><td style='color:gray;padding-right:12px'>{e(k)}</td><td>{e(str(v))}</td></tr>" for k, v in fields),
        "</table>",
        f"<h3>{e(tr('Eligibility rules'))}</h3><table cellspacing='0' cellpadding='2'>",
    ]
    for rule, outcome, reason in detail["rules"]:
        parts.append(
            f"<tr><td style='color:{_colour(outcome)};font-weight:bold'>{_OUTCOME_MARK[outcome]} {e(outcome)}</td>"
            f"<td style='padding-left:8px'><b>{e(rule.replace('_', ' '))}</b></td><td style='padding-left:8px'>{e(reason)}</td></tr>"
        )
    parts.append("</table>")
    if detail["duplicates"] or detail["flagged_by"]:
        parts.append(f"<h3>{e(tr('Possible duplicates'))}</h3><ul>")
        for other in detail["duplicates"]:
            parts.append(_duplicate_item(other, tr("same %s as earlier")))
        for other in detail["flagged_by"]:
            parts.append(_duplicate_item(other, tr("same %s, applied later")))
        parts.append("</ul>")
    if row["notes"]:
        parts.append(f"<h3>{e(tr('Notes'))}</h3><p>{e(row['notes'])}</p>")
    if detail.get("deal_requests"):
        parts.append(f"<h3>{e(tr('Partner deals requested'))}</h3><ul>")
        for request in detail["deal_requests"]:
            parts.append(f"<li>{e(request['title'])}: <b>{e(request['status'])}</b> ({request['at']:%Y-%m-%d})</li>")
        parts.append("</ul>")
    parts.append(f"<h3>{e(tr('History'))}</h3>")
    if not detail["history"]:
        parts.append(f"<p style='color:gray'>{e(tr('No decisions yet.'))}</p>")
    else:
        parts.append("<table cellspacing='0' cellpadding='2'>")
        for step in detail["history"]:
            flags = []
            if step["override"]:
                flags.append(tr("override"))
            if step["reverses"]:
                flags.append(tr("undo"))
            suffix = f" [{', '.join(flags)}]" if flags else ""
            parts.append(
                f"<tr><td style='color:gray;padding-right:8px'>{step['at']:%Y-%m-%d %H:%M} UTC</td>"
                f"<td style='padding-right:8px'>{e(step['actor'])}</td>"
                f"<td>{e(status_label(step['from_status']))} → {e(status_label(step['to_status']))}{e(suffix)}"
                + (f"<br><i>{e(step['reason'])}</i>" if step["reason"] else "")
                + "</td></tr>"
            )
        parts.append("</table>")
    return "\n".join(parts)


def _duplicate_item(other: dict, template: str) -> str:
    label = other["application_id"] or f"#{other['id']}"
    return (
        f"<li>{escape(template % other['kind'])}: <a href='app:{other['id']}'>{escape(other['company'])}</a>"
        f" ({escape(label)}, {escape(status_label(other['status']))})</li>"
    )
