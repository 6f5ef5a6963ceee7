<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../../ui/deals_pane.py" line="52"/>
        <location filename="../../ui/detail_view.py" line="86"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="53"/>
        <location filename="../../ui/deals_pane.py" line="78"/>
        <source>Deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="54"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="56"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="61"/>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="63"/>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="64"/>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="68"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="69"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="69"/>
        <location filename="../../ui/detail_view.py" line="64"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="69"/>
        <source>retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="75"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="76"/>
        <location filename="../../ui/detail_view.py" line="77"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="77"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="79"/>
        <location filename="../../ui/deals_pane.py" line="92"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="80"/>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="81"/>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="82"/>
        <source>Reason or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="83"/>
        <source>Code or link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="89"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="90"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="91"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="93"/>
        <location filename="../../ui/detail_view.py" line="69"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="95"/>
        <source>Annual credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="96"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="100"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="101"/>
        <source>Credit granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="32"/>
        <source>Application details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="62"/>
        <source>given in %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="64"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="66"/>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="67"/>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="72"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="73"/>
        <source>Incorporated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="74"/>
        <source>Total funding (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="75"/>
        <source>Previous discount declared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="76"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="90"/>
        <source>Enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="110"/>
        <source>same %s as earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="112"/>
        <source>same %s, applied later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="129"/>
        <source>override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_view.py" line="131"/>
        <source>undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="576"/>
        <source>Credit left — %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="587"/>
        <source>balance (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="601"/>
        <source>projection at the recent burn rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="48"/>
        <source>Open queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="49"/>
        <source>Eligible, not yet reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="50"/>
        <source>Needs info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="51"/>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="52"/>
        <source>All applications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationTableModel</name>
    <message>
        <location filename="../../ui/queue_model.py" line="91"/>
        <source>Company</source>
        <extracomment>Display column -&gt; tuple position, in QUEUE_COLUMNS order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="92"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="93"/>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="94"/>
        <source>Funding (USD)</source>
        <translation>Finanzierung (USD)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="95"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="96"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="97"/>
        <source>Eligibility</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="124"/>
        <source>Possible duplicate of an earlier application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="126"/>
        <source>Eligibility: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <location filename="../../ui/deals_pane.py" line="150"/>
        <source>Edit deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="150"/>
        <source>Add deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="153"/>
        <source>Partner company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="154"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="155"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="156"/>
        <source>Value (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="157"/>
        <source>Estimated value (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="158"/>
        <source>How to redeem (code, link or contact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="159"/>
        <source>Valid from (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="160"/>
        <source>Valid until (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="161"/>
        <source>Capacity (blank: unlimited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="183"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DealsPane</name>
    <message>
        <location filename="../../ui/deals_pane.py" line="214"/>
        <source>Catalogue</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="215"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="216"/>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="237"/>
        <location filename="../../ui/deals_pane.py" line="243"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="240"/>
        <source>Search partner, deal or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="251"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="252"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="253"/>
        <source>Retire / reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="254"/>
        <source>Request for a member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="255"/>
        <source>Import deals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="256"/>
        <source>Export catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="271"/>
        <source>Requests for this deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="285"/>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="290"/>
        <source>Workspace: one member&apos;s deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="300"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="301"/>
        <source>Decline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="302"/>
        <source>Fulfilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="303"/>
        <source>Import requests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="304"/>
        <source>Export approved for mailing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="319"/>
        <source>Partner application…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="320"/>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="321"/>
        <source>Deactivate or reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="322"/>
        <source>Link an unknown code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="342"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="367"/>
        <source>Unknown partner codes in applications: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="369"/>
        <source>Every partner code named by an application is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="376"/>
        <source>Select a deal to see its details and requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="382"/>
        <source>no end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="383"/>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="386"/>
        <source>Value: %s · Valid: %s · Places left: %s · %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="391"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="391"/>
        <source>retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="394"/>
        <source>How to redeem: %s (a member sees it only once the request is approved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="420"/>
        <source>Deal not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="420"/>
        <source>Deal added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="429"/>
        <source>Deal not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="431"/>
        <source>Deal saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="438"/>
        <source>Deal unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="440"/>
        <source>Deal reactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="440"/>
        <source>Deal retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="448"/>
        <source>Request a deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="448"/>
        <source>Workspace of the member asking for “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="452"/>
        <source>Request refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="454"/>
        <source>Request %d recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="465"/>
        <source>Decline request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="466"/>
        <source>Why is this request declined?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="467"/>
        <source>Not eligible for this deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="467"/>
        <source>The partner withdrew the offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="473"/>
        <source>Request %d: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="474"/>
        <source> — code or link: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="477"/>
        <source>Request not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="484"/>
        <location filename="../../ui/deals_pane.py" line="495"/>
        <source>Import deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="484"/>
        <source>Deal files (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="490"/>
        <source>(the deal file&apos;s own columns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="495"/>
        <source>Column mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="501"/>
        <source>Deals not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="503"/>
        <source>Imported %d deals; %d already there; %d invalid rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="508"/>
        <source>Import requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="508"/>
        <source>Request form export (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="512"/>
        <source>Requests not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="514"/>
        <source>Imported %d requests; %d already open; %d invalid rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="523"/>
        <source>… and %d more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="524"/>
        <source>Rows left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="534"/>
        <source>Export catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="534"/>
        <source>%d deals exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="539"/>
        <source>Export approved requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="542"/>
        <source>%d approved requests exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="546"/>
        <location filename="../../ui/deals_pane.py" line="549"/>
        <location filename="../../ui/deals_pane.py" line="553"/>
        <source>Partner application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="546"/>
        <source>Partner code (as applications will name it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="549"/>
        <source>Name of the accelerator, incubator or VC firm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="553"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="557"/>
        <source>Partner application refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="559"/>
        <source>Partner application recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="569"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="569"/>
        <source>Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="569"/>
        <source>Program ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="573"/>
        <source>Partner unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="575"/>
        <source>%s is now %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="580"/>
        <source>No unknown partner codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="583"/>
        <location filename="../../ui/deals_pane.py" line="589"/>
        <source>Link a partner code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="583"/>
        <source>Unknown code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="589"/>
        <source>Registered partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="593"/>
        <source>Not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/deals_pane.py" line="595"/>
        <source>%d applications linked to %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <location filename="../../ui/queue_model.py" line="178"/>
        <source>Eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="179"/>
        <source>Ineligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="180"/>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="57"/>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="67"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="68"/>
        <source>&amp;Month (closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="72"/>
        <source>CSV for billing systems instead of an Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="77"/>
        <source>blank: every member in one workbook; a workspace: its one-page PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="78"/>
        <source>&amp;Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="83"/>
        <source>The %d selected accepted applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="84"/>
        <source>Every accepted application without a letter yet (%d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="87"/>
        <source>One combined PDF, for printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="88"/>
        <source>One PDF per member, in a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="94"/>
        <source>With an e-mail draft (.eml) per member, the letter attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="104"/>
        <location filename="../../ui/export_dialog.py" line="107"/>
        <source>Save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="105"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="119"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="120"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="160"/>
        <source>Folder for the letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="162"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="187"/>
        <source>No month is closed yet: close a month in the Ledger pane first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="192"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="195"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="207"/>
        <source>%d files in %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="208"/>
        <source>Written: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="217"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="223"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="228"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="47"/>
        <source>Import applications — %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="62"/>
        <source>Column mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="63"/>
        <source>The form&apos;s own columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="67"/>
        <source>Save mapping as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="69"/>
        <source>Mapping:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="77"/>
        <source>automatic (UTF-8 or cp1252)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="80"/>
        <source>ISO dates (YYYY-MM-DD); or e.g. %d/%m/%Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="82"/>
        <source>Import nothing if any row is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="83"/>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="84"/>
        <source>Date format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="91"/>
        <source>Column mapping: form column to file column or template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="93"/>
        <source>From the file ({column}, {column|filter} or text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="98"/>
        <source>Problems by row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="103"/>
        <source>Preview of the first rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="120"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="147"/>
        <source>Cannot read the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="161"/>
        <source>Columns in the file: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="166"/>
        <source>Save mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="166"/>
        <source>Name of the mapping:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="173"/>
        <source>Cannot save the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="190"/>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="198"/>
        <source>The file cannot be imported with this mapping: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="214"/>
        <source>… and %d more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="217"/>
        <source>%d rows: %d valid, %d invalid (listed on the right; they are not imported).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="251"/>
        <source>Import failed: nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="256"/>
        <source>Cancelling… nothing will be imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerPane</name>
    <message>
        <location filename="../../ui/ledger_pane.py" line="187"/>
        <source>Loading the ledger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="190"/>
        <source>Program totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="195"/>
        <source>Import bills…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="196"/>
        <source>Close month…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="197"/>
        <source>Adjust…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="198"/>
        <source>Reverse entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="199"/>
        <source>Year two…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="200"/>
        <source>Graduate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="201"/>
        <source>Renew…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="202"/>
        <source>Deals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="212"/>
        <source>Search workspace or company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="214"/>
        <source>Search members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="217"/>
        <source>Member filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="219"/>
        <source>All members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="220"/>
        <source>Expiring in 60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="221"/>
        <source>Over budget last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="222"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="223"/>
        <source>Graduated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="224"/>
        <source>Renewal year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="235"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="253"/>
        <source>Ledger entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="256"/>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="257"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="258"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="259"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="260"/>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="261"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="262"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="284"/>
        <source>Cannot read the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="300"/>
        <source>%d members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="364"/>
        <source>Import bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="364"/>
        <source>Usage (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="370"/>
        <source>Bills: %d imported, %d already there, %d invalid rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="377"/>
        <source>needs restatement: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="379"/>
        <source>Bills imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="386"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="391"/>
        <location filename="../../ui/ledger_pane.py" line="403"/>
        <location filename="../../ui/ledger_pane.py" line="417"/>
        <location filename="../../ui/ledger_pane.py" line="419"/>
        <source>Close month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="391"/>
        <source>Month to close (YYYY-MM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="403"/>
        <source>%s is already closed; nothing changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="407"/>
        <source>Closing %s will settle %d bills of %s:

credit applied: %s
renewal discounts: %s
due (overage): %s
credit expired: %s

Close it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="421"/>
        <source>%s closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="425"/>
        <source>Cannot close %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="441"/>
        <source>Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="441"/>
        <source>Select a member first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="449"/>
        <location filename="../../ui/ledger_pane.py" line="456"/>
        <location filename="../../ui/ledger_pane.py" line="458"/>
        <location filename="../../ui/ledger_pane.py" line="467"/>
        <source>Adjust credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="449"/>
        <source>Amount for %s (negative to take credit away):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="458"/>
        <source>Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="469"/>
        <source>Adjustment of %s to %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="476"/>
        <location filename="../../ui/ledger_pane.py" line="484"/>
        <source>Reverse entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="476"/>
        <source>Select an entry of the member first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="480"/>
        <source>Reverse entry %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="480"/>
        <source>Why is this entry reversed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="486"/>
        <source>Entry %d reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="507"/>
        <source>Year two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="509"/>
        <source>Confirm that %s still meets the requirements (funding, territory, no other discount) on its anniversary?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="512"/>
        <source>Year two granted to %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="518"/>
        <source>Graduate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="519"/>
        <source>%s no longer qualifies: graduate it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="521"/>
        <source>%s graduated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="527"/>
        <source>Renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="528"/>
        <source>Offer %s a renewal year at the renewal discount?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="530"/>
        <source>%s renewed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterSettingsDialog</name>
    <message>
        <location filename="../../ui/letters_dialog.py" line="39"/>
        <source>Acceptance letter</source>
        <translation>Zusagebrief</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="52"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="57"/>
        <source>&amp;Program name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="58"/>
        <source>&amp;Contact address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="59"/>
        <source>&amp;Signatory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="60"/>
        <source>Signatory&apos;s &amp;title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="61"/>
        <source>Sign-&amp;off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="62"/>
        <source>Logo (PNG or JPEG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="63"/>
        <source>&amp;Wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="65"/>
        <source>Placeholders: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="67"/>
        <source>. A blank line starts a paragraph; a line starting with &apos;- &apos; is a bullet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="84"/>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="85"/>
        <source>&amp;Default wording</source>
        <translation>&amp;Standardtext</translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="108"/>
        <source>Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="108"/>
        <source>Images (*.png *.jpg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="118"/>
        <source>The letter cannot be rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letters_dialog.py" line="145"/>
        <source>Letter settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="27"/>
        <source>Startup Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="31"/>
        <source>Opening the database…</source>
        <translation>Datenbank wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="36"/>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="49"/>
        <source>Startup Desk — %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>&amp;Applications</source>
        <translation>&amp;Bewerbungen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53"/>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>&amp;Ledger</source>
        <translation>&amp;Guthabenkonto</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>&amp;Deals</source>
        <translation>&amp;Partnerangebote</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90"/>
        <source>&amp;Import applications…</source>
        <translation>Bewerbungen &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>&amp;Print acceptance letters…</source>
        <translation>Zusagebriefe &amp;drucken…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Acceptance letter &amp;settings…</source>
        <translation>Zusagebrief-&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>&amp;Back up the database…</source>
        <translation>Datenbank &amp;sichern…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>&amp;Decide</source>
        <translation>&amp;Entscheiden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;About Startup Desk</source>
        <translation>Ü&amp;ber Startup Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>About Startup Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>&lt;b&gt;Startup Desk&lt;/b&gt;&lt;br&gt;Triage startup program applications, keep the credit ledger, export billing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>Import applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>Applications (*.csv *.txt *.xlsx *.xlsm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>Imported %d applications; %d already imported; %d invalid rows left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>%d flagged as possible duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>%d letters ready to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>No letters to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>Back up the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>Backup written to %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>Backup failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <location filename="../../ui/ledger_pane.py" line="63"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="64"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="65"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="66"/>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="67"/>
        <source>Balance (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="68"/>
        <source>Used this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="69"/>
        <source>Credit expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="70"/>
        <source>Projected run-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="71"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="103"/>
        <source>At the last three months&apos; average use of %s a month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <location filename="../../ui/letters_dialog.py" line="162"/>
        <source>Print %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../ui/queue_pane.py" line="106"/>
        <source>Saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="110"/>
        <source>Search company, contact, e-mail, domain (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="112"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="117"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="118"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="118"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="121"/>
        <source>Eligibility</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="123"/>
        <source>Any eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="124"/>
        <source>Eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="125"/>
        <source>Ineligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="126"/>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="132"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="132"/>
        <source>Any country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="135"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="135"/>
        <source>Any partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="137"/>
        <location filename="../../ui/queue_pane.py" line="150"/>
        <source>Submitted from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="138"/>
        <source>Submitted until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="139"/>
        <source>Duplicates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="141"/>
        <source>Save filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="152"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="162"/>
        <source>Application queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="186"/>
        <source>&amp;Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="187"/>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="188"/>
        <source>Needs &amp;info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="189"/>
        <source>&amp;Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="226"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="260"/>
        <location filename="../../ui/queue_pane.py" line="442"/>
        <source>%s applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="264"/>
        <source>No application matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="283"/>
        <source>Saved filters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="299"/>
        <source>Save filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="299"/>
        <source>Name of this filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="332"/>
        <source>%d applications selected: decisions apply to all of them, or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="346"/>
        <source>Showing application #%d; pick a saved filter to go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="364"/>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="365"/>
        <location filename="../../ui/queue_pane.py" line="389"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="366"/>
        <source>Needs info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="367"/>
        <location filename="../../ui/queue_pane.py" line="418"/>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="378"/>
        <source>%s: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="383"/>
        <source>Not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="389"/>
        <source>Why is this application rejected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="396"/>
        <source>Accept with an override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="398"/>
        <source>%d of the selected applications are not eligible (ineligible or incomplete). Why accept them anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="406"/>
        <source>Ask for information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="407"/>
        <source>What is missing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="419"/>
        <source>Why is it withdrawn? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="34"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="35"/>
        <source>Type a reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/queue_model.py" line="167"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="168"/>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="169"/>
        <source>Needs info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="170"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="171"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="172"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.pane</name>
    <message>
        <location filename="../../ui/ledger_pane.py" line="159"/>
        <location filename="../../ui/queue_pane.py" line="82"/>
        <source>Cannot undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ledger_pane.py" line="165"/>
        <location filename="../../ui/queue_pane.py" line="72"/>
        <source>Cannot redo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/application.py" line="40"/>
        <source>Loading the demo data…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
