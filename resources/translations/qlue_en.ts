<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChannelsView</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="111" />
        <source>%n channel(s) · %1 with a live key</source>
        <translation><numerusform>%n channel · %1 with a live key</numerusform><numerusform>%n channels · %1 with a live key</numerusform></translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="94" />
        <source>%n mention(s) past their due time</source>
        <translation><numerusform>%n mention past its due time</numerusform><numerusform>%n mentions past their due time</numerusform></translation>
    </message>
</context>
<context>
    <name>DirectoryWorkspace</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="195" />
        <source>%1 of %n accounts · %2 with overdue mentions</source>
        <translation><numerusform>%1 of %n account · %2 with overdue mentions</numerusform><numerusform>%1 of %n accounts · %2 with overdue mentions</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="257" />
        <source>%1 in the last %n days</source>
        <translation><numerusform>%1 in the last %n day</numerusform><numerusform>%1 in the last %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="220" />
        <source>SLA %n working days</source>
        <translation><numerusform>SLA %n working day</numerusform><numerusform>SLA %n working days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="222" />
        <source>SLA %n hours (calendar)</source>
        <translation><numerusform>SLA %n hour (calendar)</numerusform><numerusform>SLA %n hours (calendar)</numerusform></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/handover/dialog.py" line="252" />
        <source>%n claim(s) handed to %1.</source>
        <translation><numerusform>%n claim handed to %1.</numerusform><numerusform>%n claims handed to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>ItemDisplay</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/item_display.py" line="134" />
        <source>and %n more</source>
        <translation><numerusform>and %n more</numerusform><numerusform>and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/item_display.py" line="135" />
        <source>&lt;b&gt;This place came back %n time(s) after a fix&lt;/b&gt;</source>
        <translation><numerusform>&lt;b&gt;This place came back %n time after a fix&lt;/b&gt;</numerusform><numerusform>&lt;b&gt;This place came back %n times after a fix&lt;/b&gt;</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/item_display.py" line="137" />
        <source>(%n fix(es) that did not hold)</source>
        <translation><numerusform>(%n fix that did not hold)</numerusform><numerusform>(%n fixes that did not hold)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/item_display.py" line="145" />
        <source>%n hour(s)</source>
        <translation><numerusform>%n hour</numerusform><numerusform>%n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/item_display.py" line="146" />
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
</context>
<context>
    <name>LiveRows</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/queue/live.py" line="125" />
        <source>↑ %n new report(s)</source>
        <translation><numerusform>↑ %n new report</numerusform><numerusform>↑ %n new reports</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/main_window.py" line="96" />
        <source>%n overdue mention(s) escalated</source>
        <translation><numerusform>%n overdue mention escalated</numerusform><numerusform>%n overdue mentions escalated</numerusform></translation>
    </message>
</context>
<context>
    <name>StatusBarController</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/status_bar.py" line="124" />
        <source>%Ln overdue</source>
        <translation><numerusform>%Ln overdue</numerusform><numerusform>%Ln overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/status_bar.py" line="125" />
        <source>%Ln proofs to verify</source>
        <translation><numerusform>%Ln proof to verify</numerusform><numerusform>%Ln proofs to verify</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/status_bar.py" line="126" />
        <source>%Ln received today</source>
        <translation><numerusform>%Ln received today</numerusform><numerusform>%Ln received today</numerusform></translation>
    </message>
</context>
<context>
    <name>TriageWorkspace</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="245" />
        <source>%n report(s) on the map</source>
        <translation><numerusform>%n report on the map</numerusform><numerusform>%n reports on the map</numerusform></translation>
    </message>
</context>
<context>
    <name>VerifyLabels</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/labels.py" line="100" />
        <source>%Ln days</source>
        <translation><numerusform>%Ln day</numerusform><numerusform>%Ln days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/labels.py" line="103" />
        <source>%Ln hours</source>
        <translation><numerusform>%Ln hour</numerusform><numerusform>%Ln hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/labels.py" line="105" />
        <source>%Ln minutes</source>
        <translation><numerusform>%Ln minute</numerusform><numerusform>%Ln minutes</numerusform></translation>
    </message>
</context>
</TS>