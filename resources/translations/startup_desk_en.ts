<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DecisionTimesView</name>
    <message numerus="yes">
        <location filename="../../ui/decision_times_view.py" line="123"/>
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n decision</numerusform>
            <numerusform>%n decisions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerPane</name>
    <message numerus="yes">
        <location filename="../../ui/ledger_pane.py" line="190"/>
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageTemplatesDialog</name>
    <message numerus="yes">
        <location filename="../../ui/message_templates_dialog.py" line="195"/>
        <source>Saved; %n draft(s) regenerated</source>
        <translation>
            <numerusform>Saved; %n draft regenerated</numerusform>
            <numerusform>Saved; %n drafts regenerated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_templates_dialog.py" line="197"/>
        <source>%n edited draft(s) kept</source>
        <translation>
            <numerusform>%n edited draft kept</numerusform>
            <numerusform>%n edited drafts kept</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxPane</name>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="170"/>
        <source>%n application(s) overdue</source>
        <translation>
            <numerusform>%n application overdue</numerusform>
            <numerusform>%n applications overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="174"/>
        <source>%n %1</source>
        <translation>
            <numerusform>%n %1</numerusform>
            <numerusform>%n %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="254"/>
        <source>Discard %n message(s)? They will not be sent.</source>
        <translation>
            <numerusform>Discard %n message? It will not be sent.</numerusform>
            <numerusform>Discard %n messages? They will not be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="276"/>
        <source>%1 %n message(s)</source>
        <translation>
            <numerusform>%1 %n message</numerusform>
            <numerusform>%1 %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="286"/>
        <source>%n reminder draft(s) made</source>
        <translation>
            <numerusform>%n reminder draft made</numerusform>
            <numerusform>%n reminder drafts made</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="295"/>
        <source>Withdraw %n application(s) that did not answer in time, with the reason &quot;no answer&quot;?</source>
        <translation>
            <numerusform>Withdraw %n application that did not answer in time, with the reason &quot;no answer&quot;?</numerusform>
            <numerusform>Withdraw %n applications that did not answer in time, with the reason &quot;no answer&quot;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/outbox_pane.py" line="303"/>
        <source>%n withdrawn; their messages are drafts</source>
        <translation>
            <numerusform>%n withdrawn; its message is a draft</numerusform>
            <numerusform>%n withdrawn; their messages are drafts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message numerus="yes">
        <location filename="../../ui/queue_pane.py" line="168"/>
        <source>%Ln application(s)</source>
        <translation>
            <numerusform>%Ln application</numerusform>
            <numerusform>%Ln applications</numerusform>
        </translation>
    </message>
</context>
</TS>
