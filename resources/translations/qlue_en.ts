<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DirectoryModel</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="79" />
        <source>%n mention(s) past their due time</source>
        <translation><numerusform>%n mention past its due time</numerusform><numerusform>%n mentions past their due time</numerusform></translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="159" />
        <source>SLA %n working days</source>
        <translation><numerusform>SLA %n working day</numerusform><numerusform>SLA %n working days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="161" />
        <source>SLA %n hours (calendar)</source>
        <translation><numerusform>SLA %n hour (calendar)</numerusform><numerusform>SLA %n hours (calendar)</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/main_window.py" line="55" />
        <source>%n overdue mention(s) escalated</source>
        <translation><numerusform>%n overdue mention escalated</numerusform><numerusform>%n overdue mentions escalated</numerusform></translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/queue_pane.py" line="324" />
        <source>↑ %n new report(s)</source>
        <translation><numerusform>↑ %n new report</numerusform><numerusform>↑ %n new reports</numerusform></translation>
    </message>
</context>
</TS>