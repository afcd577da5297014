<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionRetry</name>
    <message numerus="yes">
        <source>The server asked to wait %n s (Retry-After), past this action&apos;s deadline: not retried. Try again later.</source>
        <translation>
            <numerusform>The server asked to wait %n s (Retry-After), past this action&apos;s deadline: not retried. Try again later.</numerusform>
            <numerusform>The server asked to wait %n s (Retry-After), past this action&apos;s deadline: not retried. Try again later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempts.</source>
        <translation>
            <numerusform>Gave up after %n attempt.</numerusform>
            <numerusform>Gave up after %n attempts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisGates</name>
    <message numerus="yes">
        <source>%n errors in a row, more than the limit of %1</source>
        <translation>
            <numerusform>%n error in a row, more than the limit of %1</numerusform>
            <numerusform>%n errors in a row, more than the limit of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inconclusive measurements, more than the limit of %1</source>
        <translation>
            <numerusform>%n inconclusive measurement, more than the limit of %1</numerusform>
            <numerusform>%n inconclusive measurements, more than the limit of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed measurements, more than the limit of %1</source>
        <translation>
            <numerusform>%n failed measurement, more than the limit of %1</numerusform>
            <numerusform>%n failed measurements, more than the limit of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>running: %n measurements, within the limits so far</source>
        <translation>
            <numerusform>running: %n measurement, within the limits so far</numerusform>
            <numerusform>running: %n measurements, within the limits so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 after %n measurements</source>
        <translation>
            <numerusform>%1 after %n measurement</numerusform>
            <numerusform>%1 after %n measurements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message numerus="yes">
        <source>%1 of %n resources differ from Git</source>
        <translation>
            <numerusform>%1 of %n resource differs from Git</numerusform>
            <numerusform>%1 of %n resources differ from Git</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArgoCdController</name>
    <message numerus="yes">
        <source>%1 of %n Argo CD servers live</source>
        <translation>
            <numerusform>%1 of %n Argo CD server live</numerusform>
            <numerusform>%1 of %n Argo CD servers live</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveryFiguresStrip</name>
    <message numerus="yes">
        <source>releases</source>
        <comment>count, the number is above</comment>
        <translation>
            <numerusform>release</numerusform>
            <numerusform>releases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>aborted (%n)</source>
        <translation>
            <numerusform>aborted (%n)</numerusform>
            <numerusform>aborted (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>rolled back (%n)</source>
        <translation>
            <numerusform>rolled back (%n)</numerusform>
            <numerusform>rolled back (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n not recovered</source>
        <translation>
            <numerusform>%1; %n not recovered</numerusform>
            <numerusform>%1; %n not recovered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvironmentModel</name>
    <message numerus="yes">
        <source>retrying in %n s</source>
        <translation>
            <numerusform>retrying in %n s</numerusform>
            <numerusform>retrying in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, retrying in %n s</source>
        <translation>
            <numerusform>%1, retrying in %n s</numerusform>
            <numerusform>%1, retrying in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvironmentPickerDialog</name>
    <message numerus="yes">
        <source>%n contexts</source>
        <translation>
            <numerusform>%n context</numerusform>
            <numerusform>%n contexts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clusters</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExperimentRows</name>
    <message numerus="yes">
        <source>%1 available of %2 desired over %n template(s)</source>
        <translation>
            <numerusform>%1 available of %2 desired over %n template</numerusform>
            <numerusform>%1 available of %2 desired over %n templates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlaggerAnalysisModel</name>
    <message numerus="yes">
        <source>%n retries</source>
        <translation>
            <numerusform>%n retry</numerusform>
            <numerusform>%n retries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlaggerAnalysisText</name>
    <message numerus="yes">
        <source>Rolls back after %n failed checks</source>
        <translation>
            <numerusform>Rolls back after %n failed check</numerusform>
            <numerusform>Rolls back after %n failed checks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n iterations with mirrored traffic, then all traffic switched</source>
        <translation>
            <numerusform>%n iteration with mirrored traffic, then all traffic switched</numerusform>
            <numerusform>%n iterations with mirrored traffic, then all traffic switched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n iterations, then all traffic switched</source>
        <translation>
            <numerusform>%n iteration, then all traffic switched</numerusform>
            <numerusform>%n iterations, then all traffic switched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n iterations on requests matching %1 conditions, then promote</source>
        <translation>
            <numerusform>%n iteration on requests matching %1 conditions, then promote</numerusform>
            <numerusform>%n iterations on requests matching %1 conditions, then promote</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlaggerCanaryDetailView</name>
    <message numerus="yes">
        <source>Primary and canary (%n pods)</source>
        <translation>
            <numerusform>Primary and canary (%n pod)</numerusform>
            <numerusform>Primary and canary (%n pods)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Analysis (%n metrics)</source>
        <translation>
            <numerusform>Analysis (%n metric)</numerusform>
            <numerusform>Analysis (%n metrics)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlaggerChartsController</name>
    <message numerus="yes">
        <source>Charts (%n)</source>
        <translation>
            <numerusform>Charts (%n)</numerusform>
            <numerusform>Charts (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlaggerStatus</name>
    <message numerus="yes">
        <source>Rolled back after %n failed checks</source>
        <translation>
            <numerusform>Rolled back after %n failed check</numerusform>
            <numerusform>Rolled back after %n failed checks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message numerus="yes">
        <source>%1, %n resources out of sync</source>
        <translation>
            <numerusform>%1, %n resource out of sync</numerusform>
            <numerusform>%1, %n resources out of sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetSession</name>
    <message numerus="yes">
        <source>%n contexts</source>
        <translation>
            <numerusform>%n context</numerusform>
            <numerusform>%n contexts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clusters</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetTrayIcon</name>
    <message numerus="yes">
        <source>%n rolling out</source>
        <translation>
            <numerusform>%n rolling out</numerusform>
            <numerusform>%n rolling out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GateJudge</name>
    <message numerus="yes">
        <source>too little data: %1 of the %n points the canary needs in the last %2 had a value</source>
        <translation>
            <numerusform>too little data: %1 of the %n point the canary needs in the last %2 had a value</numerusform>
            <numerusform>too little data: %1 of the %n points the canary needs in the last %2 had a value</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>too little data: %1 of the %n points the stable needs in the last %2 had a value</source>
        <translation>
            <numerusform>too little data: %1 of the %n point the stable needs in the last %2 had a value</numerusform>
            <numerusform>too little data: %1 of the %n points the stable needs in the last %2 had a value</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>canary %1 is within %2 (mean of %n points over %3)</source>
        <translation>
            <numerusform>canary %1 is within %2 (%n point over %3)</numerusform>
            <numerusform>canary %1 is within %2 (mean of %n points over %3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatesModel</name>
    <message numerus="yes">
        <source>%n points with a value</source>
        <translation>
            <numerusform>%n point with a value</numerusform>
            <numerusform>%n points with a value</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurements</source>
        <translation>
            <numerusform>%n measurement</numerusform>
            <numerusform>%n measurements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n points</source>
        <translation>
            <numerusform>%1 of %n point</numerusform>
            <numerusform>%1 of %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryRecorderWorker</name>
    <message numerus="yes">
        <source>%n recorded rows could not be written and were given up.</source>
        <translation>
            <numerusform>%n recorded row could not be written and was given up.</numerusform>
            <numerusform>%n recorded rows could not be written and were given up.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonDecoder</name>
    <message numerus="yes">
        <source>... and %n more problem(s)</source>
        <translation>
            <numerusform>... and %n more problem</numerusform>
            <numerusform>... and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricDescription</name>
    <message numerus="yes">
        <source>Successful once %n measurements in a row succeed.</source>
        <translation>
            <numerusform>Successful once %n measurement succeeds.</numerusform>
            <numerusform>Successful once %n measurements in a row succeed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurements</source>
        <translation>
            <numerusform>%n measurement</numerusform>
            <numerusform>%n measurements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromDecoder</name>
    <message numerus="yes">
        <source>%n series with native histogram samples not shown</source>
        <translation>
            <numerusform>%n series with native histogram samples not shown</numerusform>
            <numerusform>%n series with native histogram samples not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message numerus="yes">
        <source>recording %n environments (%1) into %2</source>
        <translation>
            <numerusform>recording %n environment (%1) into %2</numerusform>
            <numerusform>recording %n environments (%1) into %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleaseSafetyNetsReport</name>
    <message numerus="yes">
        <source>; %n added</source>
        <translation>
            <numerusform>; %n added</numerusform>
            <numerusform>; %n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n fixed</source>
        <translation>
            <numerusform>, %n fixed</numerusform>
            <numerusform>, %n fixed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n new with the canary</source>
        <translation>
            <numerusform>; %n new with the canary</numerusform>
            <numerusform>; %n new with the canary</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RolloutEventsView</name>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RolloutHeader</name>
    <message numerus="yes">
        <source>All %n steps done</source>
        <translation>
            <numerusform>%n step done</numerusform>
            <numerusform>All %n steps done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RolloutSituation</name>
    <message numerus="yes">
        <source>all traffic on the stable version; %n new pods still running</source>
        <translation>
            <numerusform>all traffic on the stable version; %n new pod still running</numerusform>
            <numerusform>all traffic on the stable version; %n new pods still running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, scaling down %n canary pods</source>
        <translation>
            <numerusform>, scaling down %n canary pod</numerusform>
            <numerusform>, scaling down %n canary pods</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all traffic on the stable version; %n canary pods still running</source>
        <translation>
            <numerusform>all traffic on the stable version; %n canary pod still running</numerusform>
            <numerusform>all traffic on the stable version; %n canary pods still running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SafetyNetsModel</name>
    <message numerus="yes">
        <source>%n failing</source>
        <comment>policy results</comment>
        <translation>
            <numerusform>%n failing</numerusform>
            <numerusform>%n failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n object(s): %1</source>
        <translation>
            <numerusform>on %n object: %1</numerusform>
            <numerusform>on %n objects: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SafetyNetsText</name>
    <message numerus="yes">
        <source>%1: %n passed</source>
        <comment>load tests and chaos experiments</comment>
        <translation>
            <numerusform>%1: %n passed</numerusform>
            <numerusform>%1: %n passed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n not finished</source>
        <comment>load tests and chaos experiments</comment>
        <translation>
            <numerusform>%1: %n not finished</numerusform>
            <numerusform>%1: %n not finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n critical CVEs</source>
        <translation>
            <numerusform>+%n critical CVE</numerusform>
            <numerusform>+%n critical CVEs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n high CVEs</source>
        <translation>
            <numerusform>+%n high CVE</numerusform>
            <numerusform>+%n high CVEs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical CVEs</source>
        <translation>
            <numerusform>%n critical CVE</numerusform>
            <numerusform>%n critical CVEs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Gatekeeper violations</source>
        <translation>
            <numerusform>%n Gatekeeper violation</numerusform>
            <numerusform>%n Gatekeeper violations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n admission denials</source>
        <translation>
            <numerusform>%n admission denial</numerusform>
            <numerusform>%n admission denials</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Falco alerts</source>
        <translation>
            <numerusform>%n Falco alert</numerusform>
            <numerusform>%n Falco alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepDescription</name>
    <message numerus="yes">
        <source>%n replicas</source>
        <translation>
            <numerusform>%n replica</numerusform>
            <numerusform>%n replicas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n templates</source>
        <translation>
            <numerusform>%n template</numerusform>
            <numerusform>%n templates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metrics</source>
        <translation>
            <numerusform>%n metric</numerusform>
            <numerusform>%n metrics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
</context>
</TS>
