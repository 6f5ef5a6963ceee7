<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../../ui/deals_models.py" line="20"/>
        <location filename="../../ui/detail_view.py" line="96"/>
        <location filename="../../ui/queue_filters.py" line="84"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="21"/>
        <location filename="../../ui/deals_models.py" line="46"/>
        <source>Deal</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="22"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="24"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="29"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="31"/>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="32"/>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="36"/>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="37"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="37"/>
        <location filename="../../ui/detail_view.py" line="74"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="37"/>
        <source>retired</source>
        <translation>eingestellt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="43"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="44"/>
        <location filename="../../ui/detail_view.py" line="87"/>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="45"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="47"/>
        <location filename="../../ui/deals_models.py" line="60"/>
        <location filename="../../ui/queue_filters.py" line="71"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="48"/>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="49"/>
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="50"/>
        <source>Reason or note</source>
        <translation>Grund oder Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="51"/>
        <source>Code or link</source>
        <translation>Code oder Link</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="57"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="58"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="59"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="61"/>
        <location filename="../../ui/detail_view.py" line="79"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="63"/>
        <source>Annual credit</source>
        <translation>Jahresguthaben</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="64"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="68"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location filename="../../ui/deals_models.py" line="69"/>
        <source>Credit granted</source>
        <translation>Gewährtes Guthaben</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="33"/>
        <source>Application details</source>
        <translation>Bewerbungsdetails</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="72"/>
        <source>given in %s</source>
        <translation>vergeben in %s</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="74"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="76"/>
        <source>Application</source>
        <translation>Bewerbung</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="77"/>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="82"/>
        <location filename="../../ui/queue_filters.py" line="83"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="83"/>
        <source>Incorporated</source>
        <translation>Gegründet</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="84"/>
        <source>Total funding (USD)</source>
        <translation>Gesamtfinanzierung (USD)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="85"/>
        <source>Previous discount declared</source>
        <translation>Früherer Rabatt angegeben</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="86"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="100"/>
        <source>Enrollment</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="120"/>
        <source>same %s as earlier</source>
        <translation>gleiche(r) %s wie zuvor</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="122"/>
        <source>same %s, applied later</source>
        <translation>gleiche(r) %s, später beworben</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="139"/>
        <source>override</source>
        <translation>Ausnahme</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="141"/>
        <source>undo</source>
        <translation>rückgängig</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_chart.py" line="62"/>
        <source>Credit left — %s</source>
        <translation>Restguthaben — %s</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_chart.py" line="73"/>
        <source>balance (USD)</source>
        <translation>Saldo (USD)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_chart.py" line="86"/>
        <source>projection at the recent bills&apos; pace</source>
        <translation>Hochrechnung im Tempo der letzten Rechnungen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="36"/>
        <source>Open queue</source>
        <translation>Offene Bewerbungen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="37"/>
        <source>Eligible, not yet reviewed</source>
        <translation>Berechtigt, noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="61"/>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="62"/>
        <source>&amp;Reject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="63"/>
        <source>Needs &amp;info</source>
        <translation>&amp;Infos nötig</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="64"/>
        <source>&amp;Withdraw</source>
        <translation>&amp;Zurückziehen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="101"/>
        <source>Select an application first.</source>
        <translation>Wählen Sie zuerst eine Bewerbung.</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="104"/>
        <source>%s is %s: it cannot be decided that way.</source>
        <translation>%s ist %s: so kann darüber nicht entschieden werden.</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="122"/>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="123"/>
        <location filename="../../ui/queue_actions.py" line="152"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="124"/>
        <location filename="../../ui/queue_filters.py" line="38"/>
        <source>Needs info</source>
        <translation>Infos nötig</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="125"/>
        <location filename="../../ui/queue_actions.py" line="180"/>
        <source>Withdraw</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="128"/>
        <source>%s %d applications</source>
        <translation>%s: %d Bewerbungen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="140"/>
        <source>%s: done</source>
        <translation>%s: erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="143"/>
        <source>Not decided</source>
        <translation>Nicht entschieden</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="152"/>
        <source>Why is this application rejected?</source>
        <translation>Warum wird diese Bewerbung abgelehnt?</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="159"/>
        <source>Accept with an override</source>
        <translation>Trotz Regeln annehmen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="161"/>
        <source>%d of the selected applications are not eligible (ineligible or incomplete). Why accept them anyway?</source>
        <translation>%d der ausgewählten Bewerbungen sind nicht berechtigt (nicht berechtigt oder unvollständig). Warum trotzdem annehmen?</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="169"/>
        <source>Ask for information</source>
        <translation>Informationen anfordern</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="170"/>
        <source>What is missing?</source>
        <translation>Was fehlt?</translation>
    </message>
    <message>
        <location filename="../../ui/queue_actions.py" line="180"/>
        <source>Why is it withdrawn? (optional)</source>
        <translation>Warum wird sie zurückgezogen? (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="39"/>
        <source>Possible duplicates</source>
        <translation>Mögliche Duplikate</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="41"/>
        <location filename="../../ui/queue_filters.py" line="89"/>
        <source>Overdue answers</source>
        <translation>Überfällige Antworten</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="42"/>
        <source>All applications</source>
        <translation>Alle Bewerbungen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="60"/>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="64"/>
        <source>Search company, contact, e-mail, domain (Ctrl+F)</source>
        <translation>Unternehmen, Kontakt, E-Mail, Domain suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="66"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="72"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="72"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="75"/>
        <source>Eligibility</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="77"/>
        <source>Any eligibility</source>
        <translation>Jede Berechtigung</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="78"/>
        <source>Eligible</source>
        <translation>Berechtigt</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="79"/>
        <source>Ineligible</source>
        <translation>Nicht berechtigt</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="80"/>
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="83"/>
        <source>Any country</source>
        <translation>Jedes Land</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="84"/>
        <source>Any partner</source>
        <translation>Jeder Partner</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="85"/>
        <location filename="../../ui/queue_filters.py" line="100"/>
        <source>Submitted from</source>
        <translation>Eingereicht ab</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="86"/>
        <source>Submitted until</source>
        <translation>Eingereicht bis</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="87"/>
        <source>Duplicates only</source>
        <translation>Nur Duplikate</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="90"/>
        <source>Needs info, and the answer-by date has passed</source>
        <translation>Infos nötig, und die Antwortfrist ist verstrichen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="92"/>
        <source>Save filter…</source>
        <translation>Filter speichern…</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="102"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="129"/>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="181"/>
        <source>Saved filters…</source>
        <translation>Gespeicherte Filter…</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="198"/>
        <source>Save filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <location filename="../../ui/queue_filters.py" line="198"/>
        <source>Name of this filter:</source>
        <translation>Name dieses Filters:</translation>
    </message>
</context>
<context>
    <name>ApplicationTableModel</name>
    <message>
        <location filename="../../ui/queue_model.py" line="215"/>
        <source>Company</source>
        <extracomment>Display column -&gt; tuple position: QUEUE_COLUMNS&apos; order, then &quot;in state&quot; (not a sort key) what a page read changes</extracomment>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="216"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="217"/>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="218"/>
        <source>Funding (USD)</source>
        <translation>Finanzierung (USD)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="219"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="220"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="221"/>
        <source>Eligibility</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="222"/>
        <source>In state</source>
        <translation>Im Zustand</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="249"/>
        <source>Possible duplicate of an earlier application</source>
        <translation>Mögliches Duplikat einer früheren Bewerbung</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="251"/>
        <source>Eligibility: %s</source>
        <translation>Berechtigung: %s</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="253"/>
        <source>%s since %s</source>
        <translation>%s seit %s</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="289"/>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="290"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="290"/>
        <source>%d days</source>
        <translation>%d Tage</translation>
    </message>
</context>
<context>
    <name>BonusDialog</name>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="120"/>
        <source>Bonus credit</source>
        <translation>Bonusguthaben</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="121"/>
        <source>Give %s credit outside the program years (goodwill, a partner top-up, a bridge).</source>
        <translation>%s Guthaben außerhalb der Programmjahre geben (Kulanz, Aufstockung durch einen Partner, Überbrückung).</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="125"/>
        <source>Amount (USD)</source>
        <translation>Betrag (USD)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="128"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="129"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="135"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="136"/>
        <source>0 is drawn first, 100 last; program years have 50</source>
        <translation>0 wird zuerst verbraucht, 100 zuletzt; Programmjahre haben 50</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="137"/>
        <source>Amount (USD):</source>
        <translation>Betrag (USD):</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="138"/>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="139"/>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="140"/>
        <source>Priority (0 first … 100 last):</source>
        <translation>Priorität (0 zuerst … 100 zuletzt):</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="141"/>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="153"/>
        <source>Give a positive amount in USD.</source>
        <translation>Geben Sie einen positiven Betrag in USD an.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="155"/>
        <source>The last valid day is before the first.</source>
        <translation>Der letzte gültige Tag liegt vor dem ersten.</translation>
    </message>
</context>
<context>
    <name>DealActions</name>
    <message>
        <location filename="../../ui/deals_actions.py" line="68"/>
        <source>Add deal %s: %s</source>
        <translation>Angebot %s hinzufügen: %s</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="71"/>
        <source>Deal not added</source>
        <translation>Angebot nicht hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="73"/>
        <source>Deal added</source>
        <translation>Angebot hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="96"/>
        <source>Edit deal %s: %s</source>
        <translation>Angebot %s bearbeiten: %s</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="99"/>
        <source>Deal not saved</source>
        <translation>Angebot nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="101"/>
        <source>Deal saved</source>
        <translation>Angebot gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="116"/>
        <source>Retire deal %s: %s</source>
        <translation>Angebot %s einstellen: %s</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="116"/>
        <source>Reactivate deal %s: %s</source>
        <translation>Angebot %s reaktivieren: %s</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="121"/>
        <source>Deal unchanged</source>
        <translation>Angebot unverändert</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="123"/>
        <source>Deal retired</source>
        <translation>Angebot eingestellt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="123"/>
        <source>Deal reactivated</source>
        <translation>Angebot reaktiviert</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="132"/>
        <source>Request a deal</source>
        <translation>Ein Angebot anfragen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="132"/>
        <source>Workspace of the member asking for “%s”</source>
        <translation>Workspace des Mitglieds, das „%s“ anfragt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="149"/>
        <source>Request refused</source>
        <translation>Anfrage abgewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="151"/>
        <source>Request %d recorded</source>
        <translation>Anfrage %d erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="152"/>
        <source>Request %s for %s</source>
        <translation>%s für %s anfragen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="163"/>
        <source>Decline request</source>
        <translation>Anfrage ablehnen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="164"/>
        <source>Why is this request declined?</source>
        <translation>Warum wird diese Anfrage abgelehnt?</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="165"/>
        <source>Not eligible for this deal</source>
        <translation>Für dieses Angebot nicht berechtigt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="165"/>
        <source>The partner withdrew the offer</source>
        <translation>Der Partner hat das Angebot zurückgezogen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="172"/>
        <source>Request %d: %s</source>
        <translation>Anfrage %d: %s</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="173"/>
        <source> — code or link: %s</source>
        <translation> — Code oder Link: %s</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="186"/>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="186"/>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="186"/>
        <source>Fulfil</source>
        <translation>Erfüllen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="188"/>
        <source>Request not changed</source>
        <translation>Anfrage nicht geändert</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="194"/>
        <source>%s request %d (%s: %s)</source>
        <translation>%s Anfrage %d (%s: %s)</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="202"/>
        <location filename="../../ui/deals_actions.py" line="214"/>
        <source>Import deals</source>
        <translation>Angebote importieren</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="202"/>
        <source>Deal files (*.csv *.xlsx)</source>
        <translation>Angebotsdateien (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="211"/>
        <source>(the deal file&apos;s own columns)</source>
        <translation>(die eigenen Spalten der Angebotsdatei)</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="214"/>
        <source>Column mapping</source>
        <translation>Spaltenzuordnung</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="224"/>
        <location filename="../../ui/deals_actions.py" line="232"/>
        <source>Deals not imported</source>
        <translation>Angebote nicht importiert</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="226"/>
        <source>Imported %d deals; %d already there; %d invalid rows</source>
        <translation>%d Angebote importiert; %d bereits vorhanden; %d ungültige Zeilen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="238"/>
        <source>Import requests</source>
        <translation>Anfragen importieren</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="238"/>
        <source>Request form export (*.csv *.xlsx)</source>
        <translation>Export des Anfrageformulars (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="242"/>
        <source>Requests not imported</source>
        <translation>Anfragen nicht importiert</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="244"/>
        <source>Imported %d requests; %d already open; %d invalid rows</source>
        <translation>%d Anfragen importiert; %d bereits offen; %d ungültige Zeilen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="253"/>
        <source>… and %d more</source>
        <translation>… und %d weitere</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="254"/>
        <source>Rows left out</source>
        <translation>Ausgelassene Zeilen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="264"/>
        <source>Export catalogue</source>
        <translation>Katalog exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="267"/>
        <source>%d deals exported</source>
        <translation>%d Angebote exportiert</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="272"/>
        <source>Export approved requests</source>
        <translation>Genehmigte Anfragen exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/deals_actions.py" line="275"/>
        <source>%d approved requests exported</source>
        <translation>%d genehmigte Anfragen exportiert</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="67"/>
        <source>Edit deal</source>
        <translation>Angebot bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="67"/>
        <source>Add deal</source>
        <translation>Angebot hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="69"/>
        <source>Partner company</source>
        <translation>Partnerunternehmen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="70"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="71"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="72"/>
        <source>Value (text)</source>
        <translation>Wert (Text)</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="73"/>
        <source>Estimated value (USD)</source>
        <translation>Geschätzter Wert (USD)</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="74"/>
        <source>How to redeem</source>
        <translation>Einlösung</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="75"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="76"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="77"/>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="79"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="82"/>
        <source>e.g. 12000.00</source>
        <translation>z. B. 12000.00</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="83"/>
        <source>a code, a link or a contact</source>
        <translation>ein Code, ein Link oder ein Kontakt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="84"/>
        <source>blank: unlimited</source>
        <translation>leer: unbegrenzt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="107"/>
        <source>What is wrong</source>
        <translation>Was falsch ist</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="78"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>DealsPane</name>
    <message>
        <location filename="../../ui/deals_pane.py" line="64"/>
        <source>Catalogue</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="65"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="66"/>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="87"/>
        <location filename="../../ui/deals_pane.py" line="93"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="90"/>
        <source>Search partner, deal or description</source>
        <translation>Partner, Angebot oder Beschreibung suchen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="101"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="102"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="103"/>
        <source>Retire / reactivate</source>
        <translation>Einstellen / reaktivieren</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="104"/>
        <source>Request for a member…</source>
        <translation>Anfrage für ein Mitglied…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="105"/>
        <source>Import deals…</source>
        <translation>Angebote importieren…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="106"/>
        <source>Export catalogue…</source>
        <translation>Katalog exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="121"/>
        <source>Requests for this deal</source>
        <translation>Anfragen zu diesem Angebot</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="136"/>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="141"/>
        <source>Workspace: one member&apos;s deals</source>
        <translation>Workspace: die Angebote eines Mitglieds</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="151"/>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="152"/>
        <source>Decline…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="153"/>
        <source>Fulfilled</source>
        <translation>Erfüllt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="154"/>
        <source>Import requests…</source>
        <translation>Anfragen importieren…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="155"/>
        <source>Export approved for mailing…</source>
        <translation>Genehmigte für den Versand exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="173"/>
        <source>Partner application…</source>
        <translation>Partnerbewerbung…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="174"/>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="175"/>
        <source>Deactivate or reject…</source>
        <translation>Deaktivieren oder ablehnen…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="176"/>
        <source>Link an unknown code…</source>
        <translation>Einen unbekannten Code verknüpfen…</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="205"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="258"/>
        <source>Unknown partner codes in applications: </source>
        <translation>Unbekannte Partnercodes in Bewerbungen: </translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="260"/>
        <source>Every partner code named by an application is registered.</source>
        <translation>Jeder Partnercode, den eine Bewerbung nennt, ist registriert.</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="267"/>
        <source>Select a deal to see its details and requests.</source>
        <translation>Wählen Sie ein Angebot, um Details und Anfragen zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="273"/>
        <source>no end date</source>
        <translation>kein Enddatum</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="274"/>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="277"/>
        <source>Value: %s · Valid: %s · Places left: %s · %s</source>
        <translation>Wert: %s · Gültig: %s · Freie Plätze: %s · %s</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="282"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="282"/>
        <source>retired</source>
        <translation>eingestellt</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="285"/>
        <source>How to redeem: %s (a member sees it only once the request is approved)</source>
        <translation>Einlösung: %s (ein Mitglied sieht dies erst, wenn die Anfrage genehmigt ist)</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="303"/>
        <source>Request %d (%s, %s): </source>
        <translation>Anfrage %d (%s, %s): </translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="319"/>
        <source>%s: </source>
        <translation>%s: </translation>
    </message>
</context>
<context>
    <name>DecisionTimesChart</name>
    <message>
        <location filename="../../ui/decision_times_view.py" line="64"/>
        <source>Average days to decision by month</source>
        <translation>Durchschnittliche Tage bis zur Entscheidung nach Monat</translation>
    </message>
</context>
<context>
    <name>DecisionTimesView</name>
    <message>
        <location filename="../../ui/decision_times_view.py" line="115"/>
        <source>Cannot read the decision times</source>
        <translation>Die Entscheidungszeiten können nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/decision_times_view.py" line="123"/>
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n Entscheidung</numerusform>
            <numerusform>%n Entscheidungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/decision_times_view.py" line="123"/>
        <source>No decisions yet</source>
        <translation>Noch keine Entscheidungen</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <location filename="../../ui/queue_model.py" line="325"/>
        <source>Eligible</source>
        <translation>Berechtigt</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="326"/>
        <source>Ineligible</source>
        <translation>Nicht berechtigt</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="327"/>
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="57"/>
        <location filename="../../ui/export_dialog.py" line="146"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="62"/>
        <source>Billing adjustments</source>
        <translation>Abrechnungskorrekturen</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="62"/>
        <source>Credit statements</source>
        <translation>Guthabenauszüge</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="62"/>
        <source>Acceptance letters</source>
        <translation>Zusagebriefe</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="64"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="66"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="67"/>
        <source>&amp;Month (closed)</source>
        <translation>&amp;Monat (abgeschlossen)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="71"/>
        <source>CSV for billing systems instead of an Excel workbook</source>
        <translation>CSV für Abrechnungssysteme statt einer Excel-Arbeitsmappe</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="76"/>
        <source>blank: every member in one workbook; a workspace: its one-page PDF</source>
        <translation>leer: alle Mitglieder in einer Arbeitsmappe; ein Workspace: sein einseitiges PDF</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="77"/>
        <source>&amp;Workspace</source>
        <translation>&amp;Workspace</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="81"/>
        <source>The %d selected accepted applications</source>
        <translation>Die %d ausgewählten angenommenen Bewerbungen</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="153"/>
        <source>Every accepted application without a letter yet (%d)</source>
        <translation>Jede angenommene Bewerbung ohne Brief (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="85"/>
        <source>One combined PDF, for printing</source>
        <translation>Ein gemeinsames PDF zum Drucken</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="82"/>
        <source>Every accepted application without a letter yet</source>
        <translation>Jede angenommene Bewerbung ohne Brief</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="86"/>
        <source>One PDF per member, in a folder</source>
        <translation>Ein PDF pro Mitglied, in einem Ordner</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="92"/>
        <source>With an e-mail draft (.eml) per member, the letter attached</source>
        <translation>Mit einem E-Mail-Entwurf (.eml) pro Mitglied, der Brief im Anhang</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="102"/>
        <location filename="../../ui/export_dialog.py" line="105"/>
        <source>Save to</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="103"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="117"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="118"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="174"/>
        <source>Folder for the letters</source>
        <translation>Ordner für die Briefe</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="176"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="204"/>
        <source>No month is closed yet: close a month in the Ledger pane first.</source>
        <translation>Noch kein Monat ist abgeschlossen: schließen Sie zuerst einen Monat im Bereich Guthabenkonto ab.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="209"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="212"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="224"/>
        <source>%d files in %s</source>
        <translation>%d Dateien in %s</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="225"/>
        <source>Written: %s</source>
        <translation>Geschrieben: %s</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="234"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="240"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="245"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="83"/>
        <source>Extend grant</source>
        <translation>Gewährung verlängern</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="84"/>
        <source>Move the last valid day of a grant of %s later. Unused credit still expires then.</source>
        <translation>Den letzten gültigen Tag einer Gewährung von %s nach hinten verschieben. Unverbrauchtes Guthaben verfällt dann trotzdem.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="87"/>
        <source>Grant</source>
        <translation>Gewährung</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="90"/>
        <source>%s (entry %d, %s)</source>
        <translation>%s (Buchung %d, %s)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="94"/>
        <source>New last valid day</source>
        <translation>Neuer letzter gültiger Tag</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="95"/>
        <source>Grant:</source>
        <translation>Gewährung:</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="96"/>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="97"/>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="102"/>
        <source>This member has no grant to extend.</source>
        <translation>Dieses Mitglied hat keine Gewährung zum Verlängern.</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <location filename="../../ui/forecast_view.py" line="55"/>
        <source>Reading the forecast…</source>
        <extracomment>the partners&apos; colours: blues, greens and violets, never a red that could read as &quot;expiring&quot;</extracomment>
        <translation>Die Prognose wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="58"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="61"/>
        <source>Export xlsx…</source>
        <translation>Als xlsx exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="74"/>
        <source>Credit forecast chart</source>
        <translation>Diagramm der Guthabenprognose</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="77"/>
        <source>Credit forecast figures</source>
        <translation>Zahlen der Guthabenprognose</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="92"/>
        <source>Cannot read the forecast</source>
        <translation>Die Prognose kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="100"/>
        <source>All partners</source>
        <translation>Alle Partner</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="130"/>
        <source>Credit forecast, %s to %s (USD)</source>
        <translation>Guthabenprognose, %s bis %s (USD)</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="133"/>
        <source>%s: to be applied</source>
        <translation>%s: wird angerechnet</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="138"/>
        <source>to expire unused (below the axis)</source>
        <translation>verfällt unverbraucht (unter der Achse)</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="151"/>
        <source>USD: to be applied ↑, to expire ↓</source>
        <translation>USD: anzurechnen ↑, verfällt ↓</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="159"/>
        <source>Next %d months: USD %s forecast to be applied, USD %s to expire unused.</source>
        <translation>Nächste %d Monate: USD %s voraussichtlich angerechnet, USD %s verfallen ungenutzt.</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="166"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="167"/>
        <source>%s applied</source>
        <translation>%s beworben</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="168"/>
        <source>Applied</source>
        <translation>Beworben</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="169"/>
        <source>To expire</source>
        <translation>Verfällt</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="179"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="196"/>
        <source>Export the forecast</source>
        <translation>Prognose exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="196"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="202"/>
        <source>Forecast written to %s</source>
        <translation>Prognose nach %s geschrieben</translation>
    </message>
    <message>
        <location filename="../../ui/forecast_view.py" line="207"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="47"/>
        <source>Import applications — %s</source>
        <translation>Bewerbungen importieren — %s</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="63"/>
        <source>Column mapping</source>
        <translation>Spaltenzuordnung</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="64"/>
        <source>The form&apos;s own columns</source>
        <translation>Die eigenen Spalten des Formulars</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="68"/>
        <source>Save mapping as…</source>
        <translation>Zuordnung speichern unter…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="70"/>
        <source>Mapping:</source>
        <translation>Zuordnung:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="78"/>
        <source>automatic (UTF-8 or cp1252)</source>
        <translation>automatisch (UTF-8 oder cp1252)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="81"/>
        <source>ISO dates (YYYY-MM-DD); or e.g. %d/%m/%Y</source>
        <translation>ISO-Daten (JJJJ-MM-TT); oder z. B. %d/%m/%Y</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="83"/>
        <source>Import nothing if any row is invalid</source>
        <translation>Nichts importieren, wenn eine Zeile ungültig ist</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="84"/>
        <source>Encoding:</source>
        <translation>Kodierung:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="85"/>
        <source>Date format:</source>
        <translation>Datumsformat:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="92"/>
        <source>Column mapping: form column to file column or template</source>
        <translation>Spaltenzuordnung: Formularspalte zu Dateispalte oder Vorlage</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="94"/>
        <source>From the file ({column}, {column|filter} or text)</source>
        <translation>Aus der Datei ({column}, {column|filter} oder Text)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="99"/>
        <source>Problems by row</source>
        <translation>Probleme nach Zeile</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="104"/>
        <source>Preview of the first rows</source>
        <translation>Vorschau der ersten Zeilen</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="121"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="160"/>
        <source>Cannot read the file</source>
        <translation>Die Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="178"/>
        <source>Columns in the file: %s</source>
        <translation>Spalten in der Datei: %s</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="183"/>
        <source>Save mapping</source>
        <translation>Zuordnung speichern</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="183"/>
        <source>Name of the mapping:</source>
        <translation>Name der Zuordnung:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="191"/>
        <source>Cannot save the mapping</source>
        <translation>Die Zuordnung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="211"/>
        <source>Checking every row…</source>
        <translation>Jede Zeile wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="226"/>
        <source>The file cannot be imported with this mapping: %s</source>
        <translation>Die Datei kann mit dieser Zuordnung nicht importiert werden: %s</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="243"/>
        <source>row %d: %s</source>
        <translation>Zeile %d: %s</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="245"/>
        <source>… and %d more rows</source>
        <translation>… und %d weitere Zeilen</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="248"/>
        <source>%d rows: %d to import, %d already imported, %d invalid (listed on the right; not imported).</source>
        <translation>%d Zeilen: %d zu importieren, %d bereits importiert, %d ungültig (rechts aufgeführt; nicht importiert).</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="283"/>
        <source>Import failed: nothing was imported</source>
        <translation>Import fehlgeschlagen: nichts wurde importiert</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="288"/>
        <source>Cancelling… nothing will be imported.</source>
        <translation>Wird abgebrochen… nichts wird importiert.</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <location filename="../../ui/ledger_models.py" line="19"/>
        <source>Bonus credit</source>
        <translation>Bonusguthaben</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="21"/>
        <source>Granted</source>
        <translation>Gewährt</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="22"/>
        <source>Credit applied</source>
        <translation>Guthaben angerechnet</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="23"/>
        <source>Expired</source>
        <translation>Verfallen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="24"/>
        <source>Adjustment</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="25"/>
        <source>Reversal</source>
        <translation>Storno</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="26"/>
        <source>Renewal discount</source>
        <translation>Verlängerungsrabatt</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="27"/>
        <source>Extended</source>
        <translation>Verlängert</translation>
    </message>
</context>
<context>
    <name>LedgerActions</name>
    <message>
        <location filename="../../ui/ledger_actions.py" line="46"/>
        <source>Import bills</source>
        <translation>Rechnungen importieren</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="46"/>
        <source>Usage (*.csv *.xlsx)</source>
        <translation>Verbrauch (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="51"/>
        <source>Bills: %d imported, %d already there, %d invalid rows</source>
        <translation>Rechnungen: %d importiert, %d bereits vorhanden, %d ungültige Zeilen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="58"/>
        <source>needs restatement: %s</source>
        <translation>muss neu ausgewiesen werden: %s</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="60"/>
        <source>Bills imported</source>
        <translation>Rechnungen importiert</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="72"/>
        <source>Import bills from %s</source>
        <translation>Rechnungen aus %s importieren</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="78"/>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="89"/>
        <location filename="../../ui/ledger_actions.py" line="95"/>
        <location filename="../../ui/ledger_actions.py" line="106"/>
        <location filename="../../ui/ledger_actions.py" line="119"/>
        <location filename="../../ui/ledger_actions.py" line="130"/>
        <source>Close month</source>
        <translation>Monat abschließen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="95"/>
        <source>Month to close (YYYY-MM):</source>
        <translation>Abzuschließender Monat (JJJJ-MM):</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="106"/>
        <source>%s is already closed; nothing changes.</source>
        <translation>%s ist bereits abgeschlossen; nichts ändert sich.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="109"/>
        <source>Closing %s will settle %d bills of %s:

credit applied: %s
renewal discounts: %s
due (overage): %s
credit expired: %s

Close it?</source>
        <translation>Der Abschluss von %s rechnet %d Rechnungen über %s ab:

angerechnetes Guthaben: %s
Verlängerungsrabatte: %s
fällig (Mehrverbrauch): %s
verfallenes Guthaben: %s

Abschließen?</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="132"/>
        <source>%s closed</source>
        <translation>%s abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="133"/>
        <source>Close %s</source>
        <translation>%s abschließen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="139"/>
        <source>Cannot close %s</source>
        <translation>%s kann nicht abgeschlossen werden</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="152"/>
        <source>Ledger</source>
        <translation>Guthabenkonto</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="152"/>
        <source>Select a member first.</source>
        <translation>Wählen Sie zuerst ein Mitglied.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="160"/>
        <location filename="../../ui/ledger_actions.py" line="167"/>
        <location filename="../../ui/ledger_actions.py" line="169"/>
        <location filename="../../ui/ledger_actions.py" line="178"/>
        <source>Adjust credit</source>
        <translation>Guthaben korrigieren</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="160"/>
        <source>Amount for %s (negative to take credit away):</source>
        <translation>Betrag für %s (negativ, um Guthaben abzuziehen):</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="169"/>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="180"/>
        <source>Adjustment of %s to %s</source>
        <translation>Korrektur von %s für %s</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="182"/>
        <source>Adjust %s %s</source>
        <translation>%s um %s korrigieren</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="191"/>
        <location filename="../../ui/ledger_actions.py" line="212"/>
        <source>Reverse entry</source>
        <translation>Buchung stornieren</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="191"/>
        <source>Select an entry of the member first.</source>
        <translation>Wählen Sie zuerst eine Buchung des Mitglieds.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="195"/>
        <source>Reverse entry %d</source>
        <translation>Buchung %d stornieren</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="195"/>
        <source>Why is this entry reversed?</source>
        <translation>Warum wird diese Buchung storniert?</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="214"/>
        <source>Entry %d reversed</source>
        <translation>Buchung %d storniert</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="215"/>
        <source>Reverse entry %d of %s</source>
        <translation>Buchung %d von %s stornieren</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="240"/>
        <source>Year two</source>
        <translation>Zweites Jahr</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="242"/>
        <source>Confirm that %s still meets the requirements (funding, territory, no other discount) on its anniversary?</source>
        <translation>Bestätigen, dass %s zum Jahrestag die Bedingungen noch erfüllt (Finanzierung, Gebiet, kein anderer Rabatt)?</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="245"/>
        <source>Year two granted to %s</source>
        <translation>Zweites Jahr für %s gewährt</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="249"/>
        <source>Year two for %s</source>
        <translation>Zweites Jahr für %s</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="254"/>
        <source>Graduate</source>
        <translation>Graduieren</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="255"/>
        <source>%s no longer qualifies: graduate it?</source>
        <translation>%s erfüllt die Bedingungen nicht mehr: graduieren?</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="257"/>
        <source>%s graduated</source>
        <translation>%s ausgeschieden (Graduierung)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="261"/>
        <source>Graduate %s</source>
        <translation>%s graduieren</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="268"/>
        <source>Renew</source>
        <translation>Verlängern</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="269"/>
        <source>Offer %s a renewal year at the renewal discount?</source>
        <translation>%s ein Verlängerungsjahr zum Verlängerungsrabatt anbieten?</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="271"/>
        <source>%s renewed</source>
        <translation>%s verlängert</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_actions.py" line="275"/>
        <source>Renew %s</source>
        <translation>%s verlängern</translation>
    </message>
</context>
<context>
    <name>LedgerPane</name>
    <message>
        <location filename="../../ui/ledger_pane.py" line="56"/>
        <source>Loading the ledger…</source>
        <translation>Das Guthabenkonto wird geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="59"/>
        <source>Program totals</source>
        <translation>Programmsummen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="64"/>
        <source>Import bills…</source>
        <translation>Rechnungen…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="65"/>
        <source>Close month…</source>
        <translation>Monatsabschluss…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="66"/>
        <source>Adjust…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="67"/>
        <source>Reverse entry…</source>
        <translation>Stornieren…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="68"/>
        <source>Year two…</source>
        <translation>Jahr 2…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="69"/>
        <source>Graduate…</source>
        <translation>Graduieren…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="70"/>
        <source>Renew…</source>
        <translation>Verlängern…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="71"/>
        <source>Extend grant…</source>
        <translation>Frist verlängern…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="72"/>
        <source>Bonus credit…</source>
        <translation>Bonus…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="73"/>
        <source>Forecast…</source>
        <translation>Prognose…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="74"/>
        <source>What-if…</source>
        <translation>Was-wäre-wenn…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="75"/>
        <source>Deals…</source>
        <translation>Angebote…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="85"/>
        <source>Search workspace or company</source>
        <translation>Workspace oder Unternehmen suchen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="87"/>
        <source>Search members</source>
        <translation>Mitglieder suchen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="90"/>
        <source>Member filter</source>
        <translation>Mitgliederfilter</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="92"/>
        <source>All members</source>
        <translation>Alle Mitglieder</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="93"/>
        <source>Expiring in 60 days</source>
        <translation>Läuft in 60 Tagen ab</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="94"/>
        <source>Over budget last month</source>
        <translation>Im letzten Monat über dem Budget</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="95"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="96"/>
        <source>Graduated</source>
        <translation>Graduiert</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="97"/>
        <source>Renewal year</source>
        <translation>Verlängerungsjahr</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="108"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="126"/>
        <source>Ledger entries</source>
        <translation>Kontobuchungen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="129"/>
        <source>Entry</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="130"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="131"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="132"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="133"/>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="134"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="135"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="173"/>
        <source>Cannot read the ledger</source>
        <translation>Das Guthabenkonto kann nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledger_pane.py" line="190"/>
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln Mitglied</numerusform>
            <numerusform>%Ln Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="231"/>
        <source> (valid until %s)</source>
        <translation> (gültig bis %s)</translation>
    </message>
</context>
<context>
    <name>LetterSettingsDialog</name>
    <message>
        <location filename="../../ui/letters_dialog.py" line="43"/>
        <source>Acceptance letter</source>
        <translation>Zusagebrief</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="56"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="61"/>
        <source>&amp;Program name</source>
        <translation>&amp;Programmname</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="62"/>
        <source>&amp;Contact address</source>
        <translation>&amp;Kontaktadresse</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="63"/>
        <source>&amp;Signatory</source>
        <translation>&amp;Unterzeichner</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="64"/>
        <source>Signatory&apos;s &amp;title</source>
        <translation>&amp;Titel des Unterzeichners</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="65"/>
        <source>Sign-&amp;off</source>
        <translation>&amp;Grußformel</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="66"/>
        <source>Logo (PNG or JPEG)</source>
        <translation>Logo (PNG oder JPEG)</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="67"/>
        <source>&amp;Wording</source>
        <translation>&amp;Wortlaut</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="69"/>
        <source>Placeholders: </source>
        <translation>Platzhalter: </translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="71"/>
        <source>. A blank line starts a paragraph; a line starting with &apos;- &apos; is a bullet.</source>
        <translation>. Eine Leerzeile beginnt einen Absatz; eine Zeile, die mit &apos;- &apos; beginnt, ist ein Aufzählungspunkt.</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="88"/>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="89"/>
        <source>&amp;Default wording</source>
        <translation>&amp;Standardtext</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="136"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="136"/>
        <source>Images (*.png *.jpg)</source>
        <translation>Bilder (*.png *.jpg)</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="152"/>
        <source>The letter cannot be rendered</source>
        <translation>Der Brief kann nicht erstellt werden</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="180"/>
        <source>Letter settings not saved</source>
        <translation>Briefeinstellungen nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>LifecycleActions</name>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="189"/>
        <location filename="../../ui/ledger_lifecycle.py" line="203"/>
        <source>Extend grant</source>
        <translation>Gewährung verlängern</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="189"/>
        <source>The member&apos;s entries are still loading.</source>
        <translation>Die Buchungen des Mitglieds werden noch geladen.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="205"/>
        <source>%s: credit valid until %s</source>
        <translation>%s: Guthaben gültig bis %s</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="206"/>
        <source>Extend %s to %s</source>
        <translation>%s bis %s verlängern</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="225"/>
        <source>Bonus credit</source>
        <translation>Bonusguthaben</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="227"/>
        <source>Bonus credit of %s to %s</source>
        <translation>Bonusguthaben von %s für %s</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="228"/>
        <source>Bonus %s %s</source>
        <translation>Bonus %s %s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>Startup Desk</source>
        <translation>Startup Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>Opening the database…</source>
        <extracomment>the panes, in their tab order (View → Ctrl+1 …)</extracomment>
        <translation>Datenbank wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>&amp;Applications</source>
        <translation>&amp;Bewerbungen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>&amp;Ledger</source>
        <translation>&amp;Guthabenkonto</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>&amp;Deals</source>
        <translation>&amp;Partnerangebote</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>&amp;Outbox</source>
        <translation>&amp;Postausgang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>&amp;New database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;Import applications…</source>
        <translation>Bewerbungen &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;Print acceptance letters…</source>
        <translation>Zusagebriefe &amp;drucken…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Acceptance letter &amp;settings…</source>
        <translation>Zusagebrief-&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>&amp;Mail server…</source>
        <translation>&amp;Mailserver…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>&amp;Back up the database…</source>
        <translation>Datenbank &amp;sichern…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>&amp;Time to decision…</source>
        <translation>&amp;Zeit bis zur Entscheidung…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>&amp;Decide</source>
        <translation>&amp;Entscheiden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>&amp;About Startup Desk</source>
        <translation>Ü&amp;ber Startup Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>Time to decision</source>
        <translation>Zeit bis zur Entscheidung</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>About Startup Desk</source>
        <translation>Über Startup Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>&lt;b&gt;Startup Desk&lt;/b&gt;&lt;br&gt;Triage startup program applications, keep the credit ledger, export billing.</source>
        <translation>&lt;b&gt;Startup Desk&lt;/b&gt;&lt;br&gt;Bewerbungen für das Startup-Programm sichten, das Guthabenkonto führen, die Abrechnung exportieren.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>Import applications</source>
        <translation>Bewerbungen importieren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Applications (*.csv *.txt *.xlsx *.xlsm *.json *.jsonl);;All files (*)</source>
        <translation>Bewerbungen (*.csv *.txt *.xlsx *.xlsm *.json *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>Imported %d applications; %d already imported; %d invalid rows left out.</source>
        <translation>%d Bewerbungen importiert; %d bereits importiert; %d ungültige Zeilen ausgelassen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>%d flagged as possible duplicates.</source>
        <translation>%d als mögliche Duplikate markiert.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>Back up the database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="323"/>
        <source>Backup written to %s</source>
        <translation>Sicherung nach %s geschrieben</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <location filename="../../ui/ledger_models.py" line="75"/>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="76"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="77"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="78"/>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="79"/>
        <source>Balance (USD)</source>
        <translation>Saldo (USD)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="80"/>
        <source>Used this year</source>
        <translation>In diesem Jahr verbraucht</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="81"/>
        <source>Credit expires</source>
        <translation>Guthaben verfällt</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="82"/>
        <source>Projected run-out</source>
        <translation>Voraussichtlich aufgebraucht</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="83"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="103"/>
        <source>At the last three months&apos; average use of %s a month</source>
        <translation>Beim durchschnittlichen Verbrauch der letzten drei Monate von %s im Monat</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_models.py" line="105"/>
        <source>; the first bill charged in full: %s</source>
        <translation>; die erste voll berechnete Rechnung: %s</translation>
    </message>
</context>
<context>
    <name>MessageTemplatesDialog</name>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="88"/>
        <source>Message templates</source>
        <translation>Nachrichtenvorlagen</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="106"/>
        <source>Preview with example values</source>
        <translation>Vorschau mit Beispielwerten</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="107"/>
        <source>Regenerate drafts of this kind after saving (edited drafts kept)</source>
        <translation>Entwürfe dieser Art nach dem Speichern neu erstellen (bearbeitete bleiben)</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="114"/>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="115"/>
        <source>&amp;Subject</source>
        <translation>&amp;Betreff</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="116"/>
        <source>&amp;Wording</source>
        <translation>&amp;Wortlaut</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="117"/>
        <source>Placeholders</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="122"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="130"/>
        <source>&amp;Reset to the shipped wording</source>
        <translation>Auf den mitgelieferten &amp;Wortlaut zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="158"/>
        <source>Cannot read the template</source>
        <translation>Die Vorlage kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="182"/>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_templates_dialog.py" line="195"/>
        <source>Saved; %n draft(s) regenerated</source>
        <translation>
            <numerusform>Gespeichert; %n Entwurf neu erstellt</numerusform>
            <numerusform>Gespeichert; %n Entwürfe neu erstellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_templates_dialog.py" line="197"/>
        <source>%n edited draft(s) kept</source>
        <translation>
            <numerusform>%n bearbeiteter Entwurf behalten</numerusform>
            <numerusform>%n bearbeitete Entwürfe behalten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="200"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/message_templates_dialog.py" line="204"/>
        <source>Cannot save the template</source>
        <translation>Die Vorlage kann nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="38"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../ui/deals_dialogs.py" line="39"/>
        <source>%s: none</source>
        <translation>%s: keine</translation>
    </message>
</context>
<context>
    <name>OutboxPane</name>
    <message>
        <location filename="../../ui/outbox_pane.py" line="54"/>
        <source>All messages</source>
        <translation>Alle Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="57"/>
        <source>Show messages in this state</source>
        <translation>Nachrichten in diesem Zustand zeigen</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="81"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="83"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="84"/>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="91"/>
        <source>&amp;Hold</source>
        <translation>&amp;Zurückhalten</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="92"/>
        <source>Re&amp;lease</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="93"/>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="94"/>
        <source>Re&amp;try</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="102"/>
        <source>including edited drafts</source>
        <translation>auch bearbeitete Entwürfe</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="103"/>
        <source>Re&amp;generate drafts</source>
        <translation>Entwürfe neu &amp;erstellen</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="106"/>
        <source>Make due &amp;reminders</source>
        <translation>Fällige &amp;Erinnerungen erstellen</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="108"/>
        <source>&amp;Withdraw overdue (no answer)…</source>
        <translation>Überfällige &amp;zurückziehen (keine Antwort)…</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="110"/>
        <source>&amp;Templates…</source>
        <translation>&amp;Vorlagen…</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="112"/>
        <source>S&amp;end drafts</source>
        <translation>Entwürfe &amp;senden</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="114"/>
        <source>Write as .&amp;eml files…</source>
        <translation>Als .&amp;eml-Dateien schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="116"/>
        <source>&amp;Mail server…</source>
        <translation>&amp;Mailserver…</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="118"/>
        <source>&amp;Cancel sending</source>
        <translation>Senden a&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="164"/>
        <source>Cannot read the outbox</source>
        <translation>Der Postausgang kann nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="170"/>
        <source>%n application(s) overdue</source>
        <translation>
            <numerusform>%n Bewerbung überfällig</numerusform>
            <numerusform>%n Bewerbungen überfällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="174"/>
        <source>%n %1</source>
        <translation>
            <numerusform>%1: %n</numerusform>
            <numerusform>%1: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="197"/>
        <source>Cannot read the message</source>
        <translation>Die Nachricht kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="205"/>
        <source>To: %1 &lt;%2&gt;</source>
        <translation>An: %1 &lt;%2&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="212"/>
        <source>Select a message to read or edit it.</source>
        <translation>Wählen Sie eine Nachricht, um sie zu lesen oder zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="247"/>
        <source>Cannot save the message</source>
        <translation>Die Nachricht kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="254"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="254"/>
        <source>Discard %n message(s)? They will not be sent.</source>
        <translation>
            <numerusform>%n Nachricht verwerfen? Sie wird nicht gesendet.</numerusform>
            <numerusform>%n Nachrichten verwerfen? Sie werden nicht gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="276"/>
        <source>%1 %n message(s)</source>
        <translation>
            <numerusform>%1 %n Nachricht</numerusform>
            <numerusform>%1 %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="279"/>
        <source>Cannot change the messages</source>
        <translation>Die Nachrichten können nicht geändert werden</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="284"/>
        <source>Cannot make the reminders</source>
        <translation>Die Erinnerungen können nicht erstellt werden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="286"/>
        <source>%n reminder draft(s) made</source>
        <translation>
            <numerusform>%n Erinnerungsentwurf erstellt</numerusform>
            <numerusform>%n Erinnerungsentwürfe erstellt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="293"/>
        <source>Withdraw overdue</source>
        <translation>Überfällige zurückziehen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="295"/>
        <source>Withdraw %n application(s) that did not answer in time, with the reason &quot;no answer&quot;?</source>
        <translation>
            <numerusform>%n Bewerbung, die nicht rechtzeitig geantwortet hat, mit dem Grund „keine Antwort“ zurückziehen?</numerusform>
            <numerusform>%n Bewerbungen, die nicht rechtzeitig geantwortet haben, mit dem Grund „keine Antwort“ zurückziehen?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="301"/>
        <source>Cannot withdraw</source>
        <translation>Zurückziehen nicht möglich</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="303"/>
        <source>%n withdrawn; their messages are drafts</source>
        <translation>
            <numerusform>%n zurückgezogen; ihre Nachricht ist ein Entwurf</numerusform>
            <numerusform>%n zurückgezogen; ihre Nachrichten sind Entwürfe</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="310"/>
        <source>Cannot regenerate the drafts</source>
        <translation>Die Entwürfe können nicht neu erstellt werden</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="313"/>
        <source>%1 regenerated, %2 edited kept</source>
        <translation>%1 neu erstellt, %2 bearbeitete behalten</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="347"/>
        <source>Write the drafts as .eml files into</source>
        <translation>Die Entwürfe als .eml-Dateien schreiben nach</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="368"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="382"/>
        <source>Sent %1, failed %2</source>
        <translation>Gesendet %1, fehlgeschlagen %2</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="384"/>
        <source> (stopped: %1; send again to go on)</source>
        <translation> (angehalten: %1; erneut senden, um fortzufahren)</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="388"/>
        <source>Nothing was sent: the outbox waits</source>
        <translation>Nichts wurde gesendet: der Postausgang wartet</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_pane.py" line="389"/>
        <source>Cannot send</source>
        <translation>Senden nicht möglich</translation>
    </message>
</context>
<context>
    <name>OutboxTableModel</name>
    <message>
        <location filename="../../ui/outbox_model.py" line="13"/>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="14"/>
        <source>held</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="15"/>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="16"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="17"/>
        <source>discarded</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="24"/>
        <source>acceptance</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="25"/>
        <source>rejection</source>
        <translation>Absage</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="26"/>
        <source>needs info</source>
        <translation>Rückfrage</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="27"/>
        <source>withdrawal</source>
        <translation>Rücknahme</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="28"/>
        <source>reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="29"/>
        <source>deal approved</source>
        <translation>Angebot genehmigt</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="30"/>
        <source>deal declined</source>
        <translation>Angebot abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="31"/>
        <source>year 2 granted</source>
        <translation>Jahr 2 gewährt</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="32"/>
        <source>year 2 refused</source>
        <translation>Jahr 2 abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="33"/>
        <source>renewal offer</source>
        <translation>Verlängerungsangebot</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="34"/>
        <source>credit notice</source>
        <translation>Guthabenhinweis</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="47"/>
        <source>%1 · %2 · %3 via %4 · %5</source>
        <translation>%1 · %2 · %3 über %4 · %5</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="55"/>
        <source>Send log:</source>
        <translation>Sendeprotokoll:</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="67"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="73"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="76"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="77"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_model.py" line="78"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
</context>
<context>
    <name>PartnerActions</name>
    <message>
        <location filename="../../ui/partner_actions.py" line="17"/>
        <location filename="../../ui/partner_actions.py" line="20"/>
        <location filename="../../ui/partner_actions.py" line="24"/>
        <source>Partner application</source>
        <translation>Partnerbewerbung</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="17"/>
        <source>Partner code (as applications will name it)</source>
        <translation>Partnercode (wie ihn Bewerbungen nennen werden)</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="20"/>
        <source>Name of the accelerator, incubator or VC firm</source>
        <translation>Name des Accelerators, Inkubators oder VC-Fonds</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="24"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="39"/>
        <source>Partner application refused</source>
        <translation>Partnerbewerbung abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="41"/>
        <source>Partner application recorded</source>
        <translation>Partnerbewerbung erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="42"/>
        <source>Partner application %s (%s)</source>
        <translation>Partnerbewerbung %s (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="52"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="52"/>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="52"/>
        <source>Program ended</source>
        <translation>Programm beendet</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="67"/>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="67"/>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="67"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="69"/>
        <source>Partner unchanged</source>
        <translation>Partner unverändert</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="71"/>
        <source>%s is now %s</source>
        <translation>%s ist jetzt %s</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="72"/>
        <source>%s partner %s</source>
        <translation>%s Partner %s</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="77"/>
        <source>No unknown partner codes</source>
        <translation>Keine unbekannten Partnercodes</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="80"/>
        <location filename="../../ui/partner_actions.py" line="86"/>
        <source>Link a partner code</source>
        <translation>Einen Partnercode verknüpfen</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="80"/>
        <source>Unknown code</source>
        <translation>Unbekannter Code</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="86"/>
        <source>Registered partner</source>
        <translation>Registrierter Partner</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="103"/>
        <source>Not linked</source>
        <translation>Nicht verknüpft</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="105"/>
        <source>%d applications linked to %s</source>
        <translation>%d Bewerbungen mit %s verknüpft</translation>
    </message>
    <message>
        <location filename="../../ui/partner_actions.py" line="106"/>
        <source>Link code %s to %s</source>
        <translation>Code %s mit %s verknüpfen</translation>
    </message>
</context>
<context>
    <name>PartnerCreditTable</name>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="34"/>
        <source>Partner credit</source>
        <translation>Partner-Guthaben</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="35"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="35"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="35"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="55"/>
        <source>program&apos;s</source>
        <translation>wie Programm</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="56"/>
        <source>program&apos;s: the annual credit, as changed above</source>
        <translation>wie Programm: das Jahresguthaben, wie oben geändert</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="61"/>
        <source>blank: the program&apos;s annual credit</source>
        <translation>leer: das Jahresguthaben des Programms</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <location filename="../../ui/letters_dialog.py" line="197"/>
        <source>Print %s</source>
        <translation>%s drucken</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../ui/queue_model.py" line="309"/>
        <source>%s (no form id)</source>
        <translation>%s (keine Formular-ID)</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../ui/queue_pane.py" line="78"/>
        <source>Application queue</source>
        <translation>Bewerbungsliste</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="47"/>
        <source>Cannot read the queue</source>
        <translation>Die Bewerbungsliste kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="102"/>
        <location filename="../../ui/queue_pane.py" line="111"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="105"/>
        <source>Back to the filters and selection before the link (Alt+Left)</source>
        <translation>Zurück zu Filtern und Auswahl vor dem Link (Alt+Links)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="110"/>
        <source>◀ Back  [Alt+Left]</source>
        <translation>◀ Zurück  [Alt+Links]</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="115"/>
        <source>Showing a linked application alone, whatever the filters say.</source>
        <translation>Nur eine verknüpfte Bewerbung wird gezeigt, unabhängig von den Filtern.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/queue_pane.py" line="168"/>
        <source>%Ln application(s)</source>
        <translation>
            <numerusform>%Ln Bewerbung</numerusform>
            <numerusform>%Ln Bewerbungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="170"/>
        <source>over %s applications; counting…</source>
        <translation>über %s Bewerbungen; wird gezählt…</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="273"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="275"/>
        <source>No application matches these filters.</source>
        <translation>Keine Bewerbung entspricht diesen Filtern.</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="303"/>
        <source>Showing %s alone, whatever the filters say.</source>
        <translation>Nur %s wird gezeigt, unabhängig von den Filtern.</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="307"/>
        <source>Cannot read this application: %s</source>
        <translation>Diese Bewerbung kann nicht gelesen werden: %s</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="330"/>
        <source>Showing the linked application alone; Back (Alt+Left) returns</source>
        <translation>Nur die verknüpfte Bewerbung wird gezeigt; Zurück (Alt+Links) kehrt zurück</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="271"/>
        <source>%d applications selected: decisions apply to all of them, or none.</source>
        <translation>%d Bewerbungen ausgewählt: Entscheidungen gelten für alle oder für keine.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="34"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="35"/>
        <source>Type a reason</source>
        <translation>Geben Sie einen Grund ein</translation>
    </message>
</context>
<context>
    <name>SmtpSettingsDialog</name>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="41"/>
        <source>Mail server</source>
        <extracomment>the port each kind of security usually has; switching security moves a port that was one of these</extracomment>
        <translation>Mailserver</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="43"/>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="49"/>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (meist Port 587)</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="50"/>
        <source>SSL/TLS (usually port 465)</source>
        <translation>SSL/TLS (meist Port 465)</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="51"/>
        <source>None: unencrypted (local servers only)</source>
        <translation>Keine: unverschlüsselt (nur lokale Server)</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="57"/>
        <source>none: the server needs no login</source>
        <translation>keiner: der Server braucht keine Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="61"/>
        <source>startups@example.com</source>
        <translation>startups@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="63"/>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="64"/>
        <source>&amp;Port</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="65"/>
        <source>S&amp;ecurity</source>
        <translation>S&amp;icherheit</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="66"/>
        <source>&amp;User</source>
        <translation>Ben&amp;utzer</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="67"/>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="68"/>
        <source>Sen&amp;der address</source>
        <translation>Absender&amp;adresse</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="69"/>
        <source>The password is kept in the system keyring, never in the database or a settings file.</source>
        <translation>Das Passwort wird im Schlüsselbund des Systems aufbewahrt, nie in der Datenbank oder einer Einstellungsdatei.</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="78"/>
        <source>Send &amp;test message</source>
        <translation>&amp;Testnachricht senden</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="90"/>
        <source>Reading the settings…</source>
        <translation>Die Einstellungen werden gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="108"/>
        <source>stored in the system keyring: type to change it</source>
        <translation>im Schlüsselbund des Systems gespeichert: zum Ändern eintippen</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="108"/>
        <source>not stored yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="111"/>
        <source>No mail server is set yet.</source>
        <translation>Es ist noch kein Mailserver eingestellt.</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="140"/>
        <source>The server took the test message for %1: %2</source>
        <translation>Der Server hat die Testnachricht an %1 angenommen: %2</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="151"/>
        <source>Sending a test message to %1…</source>
        <translation>Eine Testnachricht an %1 wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../ui/smtp_settings_dialog.py" line="175"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/queue_model.py" line="314"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="315"/>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="316"/>
        <source>Needs info</source>
        <translation>Infos nötig</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="317"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="318"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="319"/>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
</context>
<context>
    <name>TerritoryPicker</name>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="95"/>
        <source>Eligible territories:</source>
        <translation>Zugelassene Gebiete:</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="98"/>
        <location filename="../../ui/whatif_inputs.py" line="99"/>
        <source>Find a territory</source>
        <translation>Gebiet suchen</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="105"/>
        <source>Eligible territories</source>
        <translation>Zugelassene Gebiete</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="109"/>
        <source>Check shown</source>
        <translation>Angezeigte auswählen</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="111"/>
        <source>Uncheck shown</source>
        <translation>Angezeigte abwählen</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_inputs.py" line="155"/>
        <source>Eligible territories: %d of %d</source>
        <translation>Zugelassene Gebiete: %d von %d</translation>
    </message>
</context>
<context>
    <name>WhatIfDialog</name>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="73"/>
        <location filename="../../ui/whatif_dialog.py" line="226"/>
        <location filename="../../ui/whatif_dialog.py" line="233"/>
        <source>Policy what-if</source>
        <translation>Was wäre, wenn: Richtlinie</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="91"/>
        <source>Funding cap (USD)</source>
        <translation>Finanzierungsgrenze (USD)</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="95"/>
        <source> years</source>
        <translation> Jahre</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="96"/>
        <source>Age limit</source>
        <translation>Altersgrenze</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="98"/>
        <source>Annual credit (USD)</source>
        <translation>Jahresguthaben (USD)</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="100"/>
        <source>Funding cap (USD):</source>
        <translation>Finanzierungsgrenze (USD):</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="101"/>
        <source>Age limit:</source>
        <translation>Altersgrenze:</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="102"/>
        <source>Annual credit (USD):</source>
        <translation>Jahresguthaben (USD):</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="109"/>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="119"/>
        <source>Reading the policy in force…</source>
        <translation>Die geltende Richtlinie wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="126"/>
        <location filename="../../ui/whatif_dialog.py" line="130"/>
        <source>Applications that change outcome</source>
        <translation>Bewerbungen, deren Ergebnis sich ändert</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="125"/>
        <source>Application</source>
        <translation>Bewerbung</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="77"/>
        <source>Change the policy and evaluate it against the open applications and the members. Nothing is saved unless you make it the policy from a date.</source>
        <translation>Ändern Sie die Richtlinie und prüfen Sie sie an den offenen Bewerbungen und den Mitgliedern. Gespeichert wird nichts, solange Sie sie nicht ab einem Datum zur Richtlinie machen.</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="104"/>
        <source>Partner credit (USD a year):</source>
        <translation>Partner-Guthaben (USD im Jahr):</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="125"/>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="125"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="125"/>
        <source>Rules that change</source>
        <translation>Regeln, die sich ändern</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="138"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="139"/>
        <source>Applied now</source>
        <translation>Angerechnet jetzt</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="140"/>
        <source>Applied changed</source>
        <translation>Angerechnet geändert</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="141"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="142"/>
        <source>Expiring now</source>
        <translation>Verfällt jetzt</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="143"/>
        <source>Expiring changed</source>
        <translation>Verfällt geändert</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="145"/>
        <source>Forecast of year 2 credit</source>
        <translation>Prognose des Guthabens im 2. Jahr</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="149"/>
        <source>Effect on the forecast</source>
        <translation>Wirkung auf die Prognose</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="156"/>
        <source>Make this the policy from:</source>
        <translation>Als Richtlinie ab:</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="160"/>
        <source>Effective from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="162"/>
        <source>Make it the policy</source>
        <translation>Zur Richtlinie machen</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="165"/>
        <source>A new policy version from this date: applications submitted and grants made from then on follow it; decisions already made keep the policy they were made under.</source>
        <translation>Eine neue Richtlinienversion ab diesem Datum: ab dann eingereichte Bewerbungen und gewährte Guthaben folgen ihr; bereits getroffene Entscheidungen behalten die Richtlinie, unter der sie getroffen wurden.</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="185"/>
        <source>Cannot read the policy</source>
        <translation>Die Richtlinie kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="205"/>
        <source>Policy version %d in force. Change a value and press Evaluate.</source>
        <translation>Richtlinienversion %d gilt. Ändern Sie einen Wert und drücken Sie Auswerten.</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="247"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="250"/>
        <source>Applications changing outcome</source>
        <translation>Bewerbungen mit anderem Ergebnis</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="255"/>
        <source>Eligible applications</source>
        <translation>Berechtigte Bewerbungen</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="260"/>
        <source>&lt;b&gt;Committed credit (USD)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zugesagtes Guthaben (USD)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="265"/>
        <source>&amp;nbsp;&amp;nbsp;year 1 of the eligible applications</source>
        <translation>&amp;nbsp;&amp;nbsp;1. Jahr der berechtigten Bewerbungen</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="270"/>
        <source>&amp;nbsp;&amp;nbsp;year 2 of the %d members in year 1</source>
        <translation>&amp;nbsp;&amp;nbsp;2. Jahr der %d Mitglieder im 1. Jahr</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="297"/>
        <source>Applications that change outcome (%d)</source>
        <translation>Bewerbungen mit anderem Ergebnis (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="303"/>
        <source>The change grants no member a different amount: the program forecast stays as it is. (Applications in the queue have no bills yet; their year 1 is in committed credit.)</source>
        <translation>Die Änderung gewährt keinem Mitglied einen anderen Betrag: die Programmprognose bleibt, wie sie ist. (Bewerbungen in der Warteschlange haben noch keine Rechnungen; ihr 1. Jahr steht im zugesagten Guthaben.)</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="314"/>
        <source>Year 2 of the members in year 1, granted at their anniversary and drawn at the pace of their recent bills. Over %(n)d months: applied USD %(ab)s → %(aa)s, expiring USD %(eb)s → %(ea)s.</source>
        <translation>Das 2. Jahr der Mitglieder im 1. Jahr, gewährt zum Jahrestag und verbraucht im Tempo ihrer letzten Rechnungen. Über %(n)d Monate: angerechnet USD %(ab)s → %(aa)s, verfallend USD %(eb)s → %(ea)s.</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="328"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="345"/>
        <location filename="../../ui/whatif_dialog.py" line="381"/>
        <source>Make this the policy</source>
        <translation>Zur Richtlinie machen</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="365"/>
        <source>Policy version %(v)d from %(d)s</source>
        <translation>Richtlinienversion %(v)d ab %(d)s</translation>
    </message>
    <message>
        <location filename="../../ui/whatif_dialog.py" line="371"/>
        <source>&lt;b&gt;Policy version %(v)d takes effect on %(d)s&lt;/b&gt; (version %(was)d until then). Applications submitted and grants made from that day follow it; decisions already made keep theirs. Edit → Undo takes it back while it is still to come.</source>
        <translation>&lt;b&gt;Richtlinienversion %(v)d gilt ab %(d)s&lt;/b&gt; (bis dahin Version %(was)d). Ab diesem Tag eingereichte Bewerbungen und gewährte Guthaben folgen ihr; getroffene Entscheidungen behalten ihre. Bearbeiten → Rückgängig nimmt sie zurück, solange sie noch bevorsteht.</translation>
    </message>
</context>
<context>
    <name>_LifecycleDialog</name>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="64"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="65"/>
        <source>Why? (required, kept in the ledger)</source>
        <translation>Warum? (Pflicht, wird im Guthabenkonto vermerkt)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_lifecycle.py" line="74"/>
        <source>Give a reason.</source>
        <translation>Geben Sie einen Grund an.</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/forecast_view.py" line="215"/>
        <source>Program credit forecast</source>
        <translation>Guthabenprognose des Programms</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/databases.py" line="58"/>
        <location filename="../../ui/databases.py" line="66"/>
        <source>New database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <location filename="../../ui/databases.py" line="67"/>
        <source>%s already exists: open it with File → Open database, or choose a new name.</source>
        <translation>%s gibt es schon: öffnen Sie sie mit Datei → Datenbank öffnen, oder wählen Sie einen neuen Namen.</translation>
    </message>
    <message>
        <location filename="../../ui/databases.py" line="74"/>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialogs.py" line="61"/>
        <source>Not that file</source>
        <translation>Nicht diese Datei</translation>
    </message>
</context>
<context>
    <name>self.widget</name>
    <message>
        <location filename="../../ui/pane_reads.py" line="52"/>
        <source>Cannot read the database</source>
        <translation>Die Datenbank kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="48"/>
        <source>Cannot undo “%s”</source>
        <translation>„%s“ kann nicht rückgängig gemacht werden</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="56"/>
        <source>Cannot redo “%s”</source>
        <translation>„%s“ kann nicht wiederholt werden</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/application.py" line="102"/>
        <source>Loading the demo data…</source>
        <extracomment>the open windows: a window nothing refers to would be collected (File → Open makes a new one)</extracomment>
        <translation>Die Demodaten werden geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="106"/>
        <source>Demo data not loaded</source>
        <translation>Demodaten nicht geladen</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="28"/>
        <source>%d letters printed</source>
        <translation>%d Briefe gedruckt</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="29"/>
        <source>Letters printed but not recorded</source>
        <translation>Briefe gedruckt, aber nicht vermerkt</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="36"/>
        <source>%d letters ready to print</source>
        <translation>%d Briefe bereit zum Drucken</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="52"/>
        <source>No letters to print</source>
        <translation>Keine Briefe zu drucken</translation>
    </message>
</context>
</TS>
