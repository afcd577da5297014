<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Release Dashboard</source>
        <translation>关于 Release Dashboard</translation>
    </message>
    <message>
        <source>Release Dashboard %1</source>
        <translation>Release Dashboard %1</translation>
    </message>
    <message>
        <source>Argo Rollouts canaries and blue-greens across every environment, with their quality gates, in one window.</source>
        <translation>在一个窗口中查看所有环境的 Argo Rollouts 金丝雀发布与蓝绿发布，以及它们的质量门禁。</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>依据 GNU 通用公共许可证第 3 版或更高版本授权。</translation>
    </message>
    <message>
        <source>Running on</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <source>Copyright © the Release Dashboard authors.</source>
        <translation>版权所有 © Release Dashboard 作者。</translation>
    </message>
</context>
<context>
    <name>AbsoluteRangeBar</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>The first moment the charts show</source>
        <translation>图表显示的起始时刻</translation>
    </message>
    <message>
        <source>The last moment the charts show (at the latest now)</source>
        <translation>图表显示的结束时刻（最晚为现在）</translation>
    </message>
    <message>
        <source>Show this window on every chart</source>
        <translation>在所有图表上显示此时间窗口</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>The start must be before the end.</source>
        <translation>开始时间必须早于结束时间。</translation>
    </message>
    <message>
        <source>The end is in the future: pick a time up to now.</source>
        <translation>结束时间在将来：请选择不晚于现在的时间。</translation>
    </message>
</context>
<context>
    <name>AccessReviewText</name>
    <message>
        <source>The server&apos;s answer to the %1 is not valid JSON.</source>
        <translation>服务器对 %1 的响应不是有效的 JSON。</translation>
    </message>
</context>
<context>
    <name>ActionCommand</name>
    <message>
        <source>%1: name the environment with --env or --context (environments: %2)</source>
        <translation>%1：请用 --env 或 --context 指定环境（现有环境：%2）</translation>
    </message>
</context>
<context>
    <name>ActionRetry</name>
    <message>
        <source>It was not sent again: the server may have applied it. Look at the rollout before you try again.</source>
        <translation>未再次发送：服务器可能已经应用了它。请先查看该 Rollout 再重试。</translation>
    </message>
    <message numerus="yes">
        <source>The server asked to wait %n s (Retry-After), past this action&apos;s deadline: not retried. Try again later.</source>
        <translation>
            <numerusform>服务器要求等待 %n 秒（Retry-After），超过了此操作的截止时间：不再重试。请稍后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not retried: this action&apos;s deadline has passed.</source>
        <translation>未重试：此操作的截止时间已过。</translation>
    </message>
    <message>
        <source>%1 Trying again in %2 s (attempt %3 of %4; gives up at %5).</source>
        <translation>%1 %2 秒后重试（第 %3 次，共 %4 次；%5 放弃）。</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempts.</source>
        <translation>
            <numerusform>尝试 %n 次后放弃。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionRunnerText</name>
    <message>
        <source>Unknown environment %1.</source>
        <translation>未知环境 %1。</translation>
    </message>
</context>
<context>
    <name>ActionWait</name>
    <message>
        <source>paused %1; the controller shows it (after %2 s)</source>
        <translation>已暂停 %1；控制器已体现该变更（用时 %2 秒）</translation>
    </message>
    <message>
        <source>resumed %1; the controller shows it (after %2 s)</source>
        <translation>已恢复 %1；控制器已体现该变更（用时 %2 秒）</translation>
    </message>
    <message>
        <source>promoted %1; the controller shows it (after %2 s)</source>
        <translation>已推进 %1；控制器已体现该变更（用时 %2 秒）</translation>
    </message>
    <message>
        <source>fully promoted %1; the controller shows it (after %2 s)</source>
        <translation>已全量推进 %1；控制器已体现该变更（用时 %2 秒）</translation>
    </message>
    <message>
        <source>aborted %1; the controller shows it (after %2 s)</source>
        <translation>已中止 %1；控制器已体现该变更（用时 %2 秒）</translation>
    </message>
    <message>
        <source>retried %1; the controller shows it (after %2 s)</source>
        <translation>已重试 %1；控制器已体现该变更（用时 %2 秒）</translation>
    </message>
    <message>
        <source>restarted %1; the controller shows it (after %2 s)</source>
        <translation>已重启 %1；控制器已体现该变更（用时 %2 秒）</translation>
    </message>
    <message>
        <source>rolled back %1; the controller shows it (after %2 s)</source>
        <translation>已回滚 %1；控制器已体现该变更（用时 %2 秒）</translation>
    </message>
    <message>
        <source>The API server accepted %1 for %2; waiting up to %3 s for the controller to show it.</source>
        <translation>API 服务器已接受对 %2 的 %1 请求；最多等待 %3 秒，直到控制器体现该变更。</translation>
    </message>
    <message>
        <source>The API server accepted %1 for %2, but the controller has not shown it within %3 s. Is the Argo Rollouts controller running?</source>
        <translation>API 服务器已接受对 %2 的 %1 请求，但控制器在 %3 秒内没有体现该变更。Argo Rollouts 控制器是否在运行？</translation>
    </message>
    <message>
        <source>The last read of the rollout failed: %1</source>
        <translation>最近一次读取该发布失败：%1</translation>
    </message>
</context>
<context>
    <name>AnalysisCharts</name>
    <message>
        <source>%1 (dry run)</source>
        <translation>%1（试运行）</translation>
    </message>
    <message>
        <source>Analysis metric %1 of AnalysisRun %2:
%3</source>
        <translation>AnalysisRun %2 的分析指标 %1：
%3</translation>
    </message>
    <message>
        <source>Prometheus metrics without a query are not charted; the analysis lists their measurements.</source>
        <translation>没有查询的 Prometheus 指标不绘制图表；分析中列出了它们的测量值。</translation>
    </message>
    <message>
        <source>%1 metrics are not charted: the dashboard reads Prometheus only; the analysis lists their measurements.</source>
        <translation>%1 指标不绘制图表：仪表盘只读取 Prometheus；分析中列出了它们的测量值。</translation>
    </message>
</context>
<context>
    <name>AnalysisGates</name>
    <message>
        <source>no measurement yet</source>
        <translation>尚无测量</translation>
    </message>
    <message>
        <source>success: %1</source>
        <translation>成功条件：%1</translation>
    </message>
    <message>
        <source>failure: %1</source>
        <translation>失败条件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n errors in a row, more than the limit of %1</source>
        <translation>
            <numerusform>连续 %n 次出错，超过上限 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inconclusive measurements, more than the limit of %1</source>
        <translation>
            <numerusform>%n 次测量无定论，超过上限 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed measurements, more than the limit of %1</source>
        <translation>
            <numerusform>%n 次测量失败，超过上限 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>running: %n measurements, within the limits so far</source>
        <translation>
            <numerusform>运行中：已测量 %n 次，目前都在限制之内</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 after %n measurements</source>
        <translation>
            <numerusform>%n 次测量后为 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisRunsModel</name>
    <message>
        <source>Run / metric</source>
        <translation>运行 / 指标</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Latest values</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step analysis</source>
        <translation>步骤分析</translation>
    </message>
    <message>
        <source>Background analysis</source>
        <translation>后台分析</translation>
    </message>
    <message>
        <source>Pre-promotion analysis</source>
        <translation>推进前分析</translation>
    </message>
    <message>
        <source>Post-promotion analysis</source>
        <translation>推进后分析</translation>
    </message>
    <message>
        <source>Measurement %1</source>
        <translation>测量 %1</translation>
    </message>
    <message>
        <source>%1 (dry run)</source>
        <translation>%1（试运行）</translation>
    </message>
    <message>
        <source>Successful: %1
Failed: %2
Inconclusive: %3
Error: %4
Consecutive errors: %5</source>
        <translation>成功：%1
失败：%2
无定论：%3
错误：%4
连续错误：%5</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>修订版本 %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>开始于：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>%1

In the AnalysisRun, before its arguments:
%2</source>
        <translation>%1

AnalysisRun 中代入参数之前：
%2</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>successCondition: %1
failureCondition: %2</source>
        <translation>successCondition：%1
failureCondition：%2</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>count: %1
interval: %2
initialDelay: %3</source>
        <translation>count：%1
interval：%2
initialDelay：%3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Counts / judged by</source>
        <translation>计数 / 判定依据</translation>
    </message>
</context>
<context>
    <name>AnalysisRunsView</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <source>Copy Row</source>
        <translation>复制行</translation>
    </message>
</context>
<context>
    <name>AppActionCommand</name>
    <message>
        <source>application %1 is in %2: name one with --env and --instance</source>
        <translation>应用 %1 同时存在于 %2：请用 --env 和 --instance 指定其中一个</translation>
    </message>
    <message>
        <source>application %1: no Argo CD server could be read</source>
        <translation>应用 %1：无法读取任何 Argo CD 服务器</translation>
    </message>
    <message>
        <source>application %1 was not found in %2</source>
        <translation>在 %2 中找不到应用 %1</translation>
    </message>
    <message>
        <source>application %1 is in %2, but %3 could not be read and may have one of that name too: name it with --env and --instance</source>
        <translation>应用 %1 位于 %2，但无法读取 %3，其中也可能有同名应用：请用 --env 和 --instance 指定</translation>
    </message>
    <message>
        <source>no environment names an Argo CD server (argocd: in the config file)</source>
        <translation>没有任何环境配置了 Argo CD 服务器（配置文件中的 argocd:）</translation>
    </message>
    <message>
        <source>This environment is protected: add --yes to %1 %2.</source>
        <translation>此环境受保护：执行 %1 %2 时请加上 --yes。</translation>
    </message>
</context>
<context>
    <name>AppActionDialog</name>
    <message>
        <source>Prune: delete resources that are no longer in Git</source>
        <translation>清理：删除 Git 中已不存在的资源</translation>
    </message>
    <message>
        <source>Dry run: Argo CD checks and reports, nothing changes</source>
        <translation>试运行：Argo CD 只检查并报告，不做任何更改</translation>
    </message>
    <message>
        <source>Sync %1 (%2)</source>
        <translation>同步 %1（%2）</translation>
    </message>
    <message>
        <source>Roll back %1 (%2)</source>
        <translation>回滚 %1（%2）</translation>
    </message>
    <message>
        <source>Sync application %1 of Argo CD %2 in environment %3 to Git?</source>
        <translation>要将环境 %3 中 Argo CD %2 的应用 %1 与 Git 同步吗？</translation>
    </message>
    <message>
        <source>Roll application %1 of Argo CD %2 in environment %3 back to an earlier deployment?</source>
        <translation>要将环境 %3 中 Argo CD %2 的应用 %1 回滚到之前的某次部署吗？</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>What will be sent:</source>
        <translation>将发送的内容：</translation>
    </message>
    <message>
        <source>Target revision (%1)</source>
        <translation>目标修订版本（%1）</translation>
    </message>
    <message>
        <source>HEAD</source>
        <translation>HEAD</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>部署时间</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>发起者</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>There is no earlier deployment to roll back to.</source>
        <translation>没有可回滚到的更早部署。</translation>
    </message>
    <message>
        <source>The deployment history has not been read yet.</source>
        <translation>尚未读取部署历史记录。</translation>
    </message>
</context>
<context>
    <name>AppActionExecutor</name>
    <message>
        <source>Argo CD refused: you may not %1 %2. %3</source>
        <translation>Argo CD 拒绝了请求：你无权对 %2 执行 %1。%3</translation>
    </message>
    <message>
        <source>Argo CD refused %1 of %2: %3</source>
        <translation>Argo CD 拒绝对 %2 执行 %1：%3</translation>
    </message>
    <message>
        <source>%1 of %2 failed: %3</source>
        <translation>对 %2 执行 %1 失败：%3</translation>
    </message>
    <message>
        <source>No operation is running on %1: nothing to terminate.</source>
        <translation>%1 上没有正在进行的操作：无需终止。</translation>
    </message>
    <message>
        <source>%1: auto-sync is on: Argo CD would undo a rollback; turn off auto-sync first or revert in Git.</source>
        <translation>%1：已开启自动同步：Argo CD 会撤销回滚；请先关闭自动同步，或在 Git 中还原提交。</translation>
    </message>
    <message>
        <source>Another operation is running on %1 (%2): wait for it, or stop it with app terminate %1.</source>
        <translation>%1 上正在进行另一个操作（%2）：请等待它结束，或用 app terminate %1 终止它。</translation>
    </message>
    <message>
        <source>%1 has no history entry %2 (entries: %3).</source>
        <translation>%1 没有历史记录 %2（现有记录：%3）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>You may not sync applications %1 in Argo CD %2, so %3 cannot be sent (checked with Argo CD&apos;s can-i).</source>
        <translation>你无权在 Argo CD %2 中同步应用 %1，因此无法发送 %3（已通过 Argo CD 的 can-i 检查）。</translation>
    </message>
    <message>
        <source> (dry run)</source>
        <translation>（试运行）</translation>
    </message>
    <message>
        <source>Argo CD %1 is terminating the operation on %2.</source>
        <translation>Argo CD %1 正在终止 %2 上的操作。</translation>
    </message>
    <message>
        <source>waiting for the controller to start it</source>
        <translation>等待控制器开始执行</translation>
    </message>
    <message>
        <source>Argo CD %1 accepted %2%3 of %4: %5</source>
        <translation>Argo CD %1 已接受对 %4 的 %2%3 请求：%5</translation>
    </message>
    <message>
        <source>Nothing was sent: the attempt could not be recorded. %1</source>
        <translation>未发送任何内容：无法记录本次操作。%1</translation>
    </message>
    <message>
        <source>Read-only: %1 was not sent to %2.</source>
        <translation>只读：未向 %2 发送 %1。</translation>
    </message>
</context>
<context>
    <name>AppActionRunner</name>
    <message>
        <source>%1 has no Argo CD server %2 any more.</source>
        <translation>%1 已不再配置 Argo CD 服务器 %2。</translation>
    </message>
    <message>
        <source>Argo CD&apos;s can-i says you may not sync applications %1 (sync, rollback and terminate all need it).</source>
        <translation>Argo CD 的 can-i 表明你无权同步应用 %1（同步、回滚和终止都需要此权限）。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Release Dashboard</source>
        <translation>Release Dashboard</translation>
    </message>
    <message>
        <source>Demo fleet</source>
        <translation>演示集群组</translation>
    </message>
    <message>
        <source>Try &apos;release-dashboard --help&apos;.</source>
        <translation>请运行 &apos;release-dashboard --help&apos; 查看用法。</translation>
    </message>
</context>
<context>
    <name>ApplicationActions</name>
    <message>
        <source>Sync…</source>
        <translation>同步…</translation>
    </message>
    <message>
        <source>Rollback…</source>
        <translation>回滚…</translation>
    </message>
    <message>
        <source>Terminate operation</source>
        <translation>终止操作</translation>
    </message>
    <message>
        <source>Select an application.</source>
        <translation>请选择一个应用。</translation>
    </message>
    <message>
        <source>Environment %1 is read-only: the window sends nothing to its Argo CD.</source>
        <translation>环境 %1 为只读：此窗口不会向它的 Argo CD 发送任何请求。</translation>
    </message>
    <message>
        <source>Waiting for Argo CD&apos;s answer to the last request.</source>
        <translation>正在等待 Argo CD 对上一个请求的响应。</translation>
    </message>
    <message>
        <source>Argo CD is already terminating the operation.</source>
        <translation>Argo CD 已在终止该操作。</translation>
    </message>
    <message>
        <source>No operation is running.</source>
        <translation>没有正在进行的操作。</translation>
    </message>
    <message>
        <source>Stop the running operation of %1.</source>
        <translation>终止 %1 正在进行的操作。</translation>
    </message>
    <message>
        <source>auto-sync is on: Argo CD would undo a rollback; turn off auto-sync or revert in Git</source>
        <translation>已开启自动同步：Argo CD 会撤销回滚；请关闭自动同步，或在 Git 中还原提交</translation>
    </message>
    <message>
        <source>An operation is running: wait for it, or terminate it.</source>
        <translation>有操作正在进行：请等待它结束，或终止它。</translation>
    </message>
    <message>
        <source>Sync %1 with Git: choose the revision, prune and dry run.</source>
        <translation>将 %1 与 Git 同步：可选择修订版本、清理和试运行。</translation>
    </message>
    <message>
        <source>Roll %1 back to an earlier deployment of its history.</source>
        <translation>将 %1 回滚到其历史记录中更早的某次部署。</translation>
    </message>
    <message>
        <source>Argo CD&apos;s can-i could not be asked (%1): Argo CD decides when asked.</source>
        <translation>无法查询 Argo CD 的 can-i（%1）：将在发送请求时由 Argo CD 判定。</translation>
    </message>
    <message>
        <source>Terminate operation of %1</source>
        <translation>终止 %1 的操作</translation>
    </message>
    <message>
        <source>Terminate the running operation of application %1 of Argo CD %2 in protected environment %3?</source>
        <translation>要终止受保护环境 %3 中 Argo CD %2 的应用 %1 正在进行的操作吗？</translation>
    </message>
    <message>
        <source>What will be sent: %1</source>
        <translation>将发送的内容：%1</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Argo CD accepted terminating the operation of %1 (%2).</source>
        <translation>Argo CD 已接受终止 %1（%2）的操作。</translation>
    </message>
    <message>
        <source>Argo CD accepted the dry run of the rollback of %1 (%2) to history entry %3: nothing changes.</source>
        <translation>Argo CD 已接受将 %1（%2）回滚到历史记录 %3 的试运行：不会做任何更改。</translation>
    </message>
    <message>
        <source>Argo CD accepted the rollback of %1 (%2) to history entry %3.</source>
        <translation>Argo CD 已接受将 %1（%2）回滚到历史记录 %3。</translation>
    </message>
    <message>
        <source>Argo CD accepted the dry run of the sync of %1 (%2): nothing changes.</source>
        <translation>Argo CD 已接受对 %1（%2）的同步试运行：不会做任何更改。</translation>
    </message>
    <message>
        <source>Argo CD accepted the sync of %1 (%2).</source>
        <translation>Argo CD 已接受对 %1（%2）的同步。</translation>
    </message>
    <message>
        <source>Argo CD %1 of %2 refused the token (HTTP 401): check the argocd: token in the config file. Nothing was done.
%3</source>
        <translation>%2 的 Argo CD %1 拒绝了 token（HTTP 401）：请检查配置文件中 argocd: 下的 token。未执行任何操作。
%3</translation>
    </message>
    <message>
        <source>(HTTP %1)</source>
        <translation>（HTTP %1）</translation>
    </message>
    <message>
        <source>%1 Now: %2.</source>
        <translation>%1当前：%2。</translation>
    </message>
    <message>
        <source>Sending the %1 of %2 (%3) to Argo CD…</source>
        <translation>正在向 Argo CD 发送对 %2（%3）的%1请求…</translation>
    </message>
    <message>
        <source>termination</source>
        <comment>of an Argo CD operation</comment>
        <translation>终止</translation>
    </message>
    <message>
        <source>rollback</source>
        <comment>of an Argo CD application</comment>
        <translation>回滚</translation>
    </message>
    <message>
        <source>sync</source>
        <comment>of an Argo CD application</comment>
        <translation>同步</translation>
    </message>
    <message>
        <source>Argo CD did not accept the %1 of %2</source>
        <translation>Argo CD 未接受对 %2 的%1请求</translation>
    </message>
</context>
<context>
    <name>ApplicationDetail</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>images: %1</source>
        <translation>镜像：%1</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>部署目标</translation>
    </message>
    <message>
        <source>automated</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>self-heal</source>
        <translation>自愈</translation>
    </message>
    <message>
        <source>prune</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Sync policy</source>
        <translation>同步策略</translation>
    </message>
    <message>
        <source>started %1, finished %2</source>
        <translation>开始：%1，结束：%2</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未结束</translation>
    </message>
    <message>
        <source>Last operation</source>
        <translation>上次操作</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>to prune</source>
        <translation>待清理</translation>
    </message>
    <message>
        <source>Out of sync</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Never deployed</source>
        <translation>从未部署</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>部署时间</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>By</source>
        <translation>执行者</translation>
    </message>
</context>
<context>
    <name>ApplicationsCommand</name>
    <message>
        <source>No applications: no environment names an Argo CD server (argocd: in the config file).</source>
        <translation>没有应用：没有任何环境配置了 Argo CD 服务器（配置文件中的 argocd:）。</translation>
    </message>
    <message>
        <source>No applications found in %1.</source>
        <translation>在 %1 中未找到任何应用。</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <source>HEAD</source>
        <translation>HEAD</translation>
    </message>
    <message>
        <source>%1
%2, %3

%4</source>
        <translation>%1
%2，%3

%4</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标修订版本</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Last operation</source>
        <translation>上次操作</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Argo CD</source>
        <translation>Argo CD</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n resources differ from Git</source>
        <translation>
            <numerusform>%n 个资源中有 %1 个与 Git 不一致</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <source>Needs attention only</source>
        <translation>只看需要关注的</translation>
    </message>
    <message>
        <source>Filter applications (name, project, sync, health, revision…)</source>
        <translation>筛选应用（名称、项目、同步、健康状况、修订版本…）</translation>
    </message>
</context>
<context>
    <name>ArgoCdClient</name>
    <message>
        <source>Argo CD %1: %2</source>
        <translation>Argo CD %1：%2</translation>
    </message>
</context>
<context>
    <name>ArgoCdController</name>
    <message>
        <source>No Argo CD server is configured: add an argocd: list to an environment in the config file (docs/cli.md).</source>
        <translation>未配置 Argo CD 服务器：请在配置文件中为某个环境添加 argocd: 列表（见 docs/cli.md）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Applications — Release Dashboard</source>
        <translation>应用 — Release Dashboard</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an application to see its source, state and history.&lt;/p&gt;</source>
        <translation>&lt;p&gt;选择一个应用，查看它的来源、状态和历史记录。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n Argo CD servers live</source>
        <translation>
            <numerusform>%n 个 Argo CD 服务器中有 %1 个在线</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArgoCdWatcher</name>
    <message>
        <source>Argo CD %1: the token is not logged in (expired or revoked?)</source>
        <translation>Argo CD %1：token 未登录（已过期或已被吊销？）</translation>
    </message>
    <message>
        <source>Argo CD %1: %2</source>
        <translation>Argo CD %1：%2</translation>
    </message>
</context>
<context>
    <name>ArgoDecoder</name>
    <message>
        <source>Argo CD sent an answer that is not a JSON object (%1 bytes): %2</source>
        <translation>Argo CD 返回的响应不是 JSON 对象（%1 字节）：%2</translation>
    </message>
    <message>
        <source>another JSON value</source>
        <translation>是其他类型的 JSON 值</translation>
    </message>
    <message>
        <source>Argo CD sent an application without a name</source>
        <translation>Argo CD 发送的应用缺少名称</translation>
    </message>
    <message>
        <source>Argo CD sent an application list whose items are not a list</source>
        <translation>Argo CD 发送的应用列表中 items 不是列表</translation>
    </message>
    <message>
        <source>Argo CD ended the application stream: %1</source>
        <translation>Argo CD 结束了应用流：%1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Argo CD sent a stream event of unknown type &apos;%1&apos;</source>
        <translation>Argo CD 发送了未知类型 &apos;%1&apos; 的流事件</translation>
    </message>
    <message>
        <source>Argo CD sent a stream event without an application name</source>
        <translation>Argo CD 发送的流事件缺少应用名称</translation>
    </message>
    <message>
        <source>Argo CD answered the permission check with &apos;%1&apos; instead of yes or no</source>
        <translation>Argo CD 对权限检查的回答是 &apos;%1&apos;，而不是 yes 或 no</translation>
    </message>
</context>
<context>
    <name>ArgoServers</name>
    <message>
        <source>environment &apos;%1&apos; has no Argo CD server: add an argocd: list to its entry in the config file</source>
        <translation>环境 &apos;%1&apos; 没有 Argo CD 服务器：请在配置文件中该环境的条目下添加 argocd: 列表</translation>
    </message>
    <message>
        <source>--instance %1: no environment has an Argo CD server (argocd: in the config file)</source>
        <translation>--instance %1：没有任何环境配置了 Argo CD 服务器（配置文件中的 argocd:）</translation>
    </message>
    <message>
        <source>--instance %1: no such Argo CD server (servers: %2)</source>
        <translation>--instance %1：没有这个 Argo CD 服务器（可用服务器：%2）</translation>
    </message>
</context>
<context>
    <name>ArgoText</name>
    <message>
        <source>✓ Synced</source>
        <translation>✓ 已同步</translation>
    </message>
    <message>
        <source>⟳ Out of sync</source>
        <translation>⟳ 未同步</translation>
    </message>
    <message>
        <source>? Unknown</source>
        <translation>? 未知</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>已降级</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>auto-sync</source>
        <translation>自动同步</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>↻ Syncing (%1)</source>
        <translation>↻ 正在同步（%1）</translation>
    </message>
    <message>
        <source>↻ Terminating (%1)</source>
        <translation>↻ 正在终止（%1）</translation>
    </message>
    <message>
        <source>Synced by %1</source>
        <translation>已由 %1 同步</translation>
    </message>
    <message>
        <source>✕ Sync failed (%1)</source>
        <translation>✕ 同步失败（%1）</translation>
    </message>
    <message>
        <source>Helm chart %1 %2</source>
        <translation>Helm chart %1 %2</translation>
    </message>
    <message>
        <source>Helm: %1</source>
        <translation>Helm：%1</translation>
    </message>
    <message>
        <source>Kustomize: %1</source>
        <translation>Kustomize：%1</translation>
    </message>
    <message>
        <source>↻ Sync requested (%1)</source>
        <translation>↻ 已请求同步（%1）</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Filter by environment, rollout, user, action or result</source>
        <translation>按环境、发布、用户、操作或结果筛选</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Actions: %1 · file: %2</source>
        <translation>操作：%1 · 文件：%2</translation>
    </message>
    <message>
        <source>Unreadable lines: %1</source>
        <translation>无法读取的行：%1</translation>
    </message>
</context>
<context>
    <name>AuditLogText</name>
    <message>
        <source>The audit log folder %1 cannot be created.</source>
        <translation>无法创建审计日志文件夹 %1。</translation>
    </message>
    <message>
        <source>The audit log %1 cannot be opened: %2</source>
        <translation>无法打开审计日志 %1：%2</translation>
    </message>
    <message>
        <source>The audit log %1 cannot be written: %2</source>
        <translation>无法写入审计日志 %1：%2</translation>
    </message>
    <message>
        <source>The audit log %1 cannot be synced to disk: %2</source>
        <translation>无法将审计日志 %1 同步到磁盘：%2</translation>
    </message>
    <message>
        <source>The audit log %1 is a symbolic link: refused, the records would go elsewhere.</source>
        <translation>审计日志 %1 是符号链接：已拒绝，否则记录会写到别处。</translation>
    </message>
    <message>
        <source>The audit log %1 is not a regular file.</source>
        <translation>审计日志 %1 不是普通文件。</translation>
    </message>
    <message>
        <source>The audit log %1 is readable by others and cannot be made private: %2</source>
        <translation>审计日志 %1 可被其他用户读取，且无法设为私有：%2</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No outcome recorded</source>
        <translation>未记录结果</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>无需操作</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 to revision %2</source>
        <translation>%1 到修订版本 %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>AuditRecordText</name>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>not an audit record (id, stage or time missing)</source>
        <translation>不是审计记录（缺少 id、stage 或 time）</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>BoundedFile</name>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>larger than %1 KiB</source>
        <translation>超过 %1 KiB</translation>
    </message>
    <message>
        <source>larger than %1 bytes</source>
        <translation>超过 %1 字节</translation>
    </message>
</context>
<context>
    <name>BuiltinCharts</name>
    <message>
        <source>Request rate</source>
        <translation>请求速率</translation>
    </message>
    <message>
        <source>Error ratio (5xx)</source>
        <translation>错误率（5xx）</translation>
    </message>
    <message>
        <source>Latency p99</source>
        <translation>延迟 p99</translation>
    </message>
    <message>
        <source>CPU per pod</source>
        <translation>每个 Pod 的 CPU</translation>
    </message>
    <message>
        <source>Memory per pod</source>
        <translation>每个 Pod 的内存</translation>
    </message>
    <message>
        <source>Container restarts</source>
        <translation>容器重启次数</translation>
    </message>
    <message>
        <source>Built-in chart (no charts are configured)</source>
        <translation>内置图表（未配置任何图表）</translation>
    </message>
</context>
<context>
    <name>CanaryCommand</name>
    <message>
        <source>%1: Flagger is not installed (canaries.flagger.app is not served)</source>
        <translation>%1：未安装 Flagger（不提供 canaries.flagger.app）</translation>
    </message>
    <message>
        <source>suspended %1; the canary shows it (after %2 s)</source>
        <translation>已挂起 %1；金丝雀已体现该变更（用时 %2 秒）</translation>
    </message>
    <message>
        <source>resumed %1; the canary shows it (after %2 s)</source>
        <translation>已恢复 %1；金丝雀已体现该变更（用时 %2 秒）</translation>
    </message>
    <message>
        <source>promoted %1; Flagger is promoting it (after %2 s)</source>
        <translation>已推进 %1；Flagger 正在推进它（用时 %2 秒）</translation>
    </message>
    <message>
        <source>rolled back %1; Flagger failed the canary (after %2 s)</source>
        <translation>已回滚 %1；Flagger 已将该金丝雀判为失败（用时 %2 秒）</translation>
    </message>
    <message>
        <source>get canaries: -o wide is not available; use table or json</source>
        <translation>get canaries：不支持 -o wide；请使用 table 或 json</translation>
    </message>
    <message>
        <source>No canaries found in %1.</source>
        <translation>在 %1 中没有找到金丝雀。</translation>
    </message>
    <message>
        <source>%1: --wait: the gate&apos;s state lives in the load tester, so the canary cannot show it before Flagger&apos;s next check; nothing to wait for.</source>
        <translation>%1：--wait：门禁状态保存在负载测试器中，在 Flagger 下次检查之前金丝雀无法体现它；无需等待。</translation>
    </message>
    <message>
        <source>%1: %2 for %3 was sent; waiting up to %4 s for the canary to show it.</source>
        <translation>%1：已发送对 %3 的 %2 请求；最多等待 %4 秒，直到金丝雀体现该变更。</translation>
    </message>
    <message>
        <source>%1 for %2 was sent, but the canary has not shown it within %3 s. Is Flagger running?</source>
        <translation>已发送对 %2 的 %1 请求，但金丝雀在 %3 秒内没有体现该变更。Flagger 是否在运行？</translation>
    </message>
    <message>
        <source>The last read of the canary failed: %1</source>
        <translation>最近一次读取该金丝雀失败：%1</translation>
    </message>
</context>
<context>
    <name>ChartConfig</name>
    <message>
        <source>%1: must be a string</source>
        <translation>%1：必须是字符串</translation>
    </message>
    <message>
        <source>%1: must not be empty</source>
        <translation>%1：不能为空</translation>
    </message>
    <message>
        <source>%1: must be a list of {max: N} or {min: N}</source>
        <translation>%1：必须是由 {max: N} 或 {min: N} 组成的列表</translation>
    </message>
    <message>
        <source>%1: must be {max: N} or {min: N}</source>
        <translation>%1：必须是 {max: N} 或 {min: N}</translation>
    </message>
    <message>
        <source>%1: needs exactly one of &apos;max&apos; and &apos;min&apos;</source>
        <translation>%1：&apos;max&apos; 和 &apos;min&apos; 必须且只能设置其中一个</translation>
    </message>
    <message>
        <source>%1.%2: &apos;%3&apos; is not a number</source>
        <translation>%1.%2：&apos;%3&apos; 不是数字</translation>
    </message>
    <message>
        <source>%1: must be a mapping of names to values</source>
        <translation>%1：必须是从名称到值的映射</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a variable name (letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;; not starting with a digit)</source>
        <translation>%1：&apos;%2&apos; 不是变量名（只能包含字母、数字、&apos;_&apos;、&apos;.&apos;、&apos;-&apos;，且不能以数字开头）</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is set by the dashboard and cannot be redefined</source>
        <translation>%1：&apos;%2&apos; 由仪表盘设置，不能重新定义</translation>
    </message>
    <message>
        <source>%1: duplicate variable &apos;%2&apos;</source>
        <translation>%1：重复的变量 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1.%2: must be a string</source>
        <translation>%1.%2：必须是字符串</translation>
    </message>
    <message>
        <source>%1: {{%2}} is only set when splitByRole is true</source>
        <translation>%1：只有 splitByRole 为 true 时才会设置 {{%2}}</translation>
    </message>
    <message>
        <source>%1: unknown variable {{%2}} (known: %3)</source>
        <translation>%1：未知变量 {{%2}}（已知变量：%3）</translation>
    </message>
    <message>
        <source>%1.query: with splitByRole the query must use {{hash}}, {{pod_regex}} or {{role}}, or both roles draw the same series</source>
        <translation>%1.query：使用 splitByRole 时，查询必须使用 {{hash}}、{{pod_regex}} 或 {{role}}，否则两个角色会绘制同一条序列</translation>
    </message>
    <message>
        <source>%1: must be a mapping with &apos;title&apos; and &apos;query&apos;</source>
        <translation>%1：必须是包含 &apos;title&apos; 和 &apos;query&apos; 的映射</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is missing</source>
        <translation>%1：缺少 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1.unit: &apos;%2&apos; is not a unit (expected one of: %3)</source>
        <translation>%1.unit：&apos;%2&apos; 不是单位（应为以下之一：%3）</translation>
    </message>
    <message>
        <source>%1.splitByRole: must be true or false</source>
        <translation>%1.splitByRole：必须是 true 或 false</translation>
    </message>
    <message>
        <source>%1: must be a list of charts</source>
        <translation>%1：必须是图表列表</translation>
    </message>
    <message>
        <source>Configured in %1</source>
        <translation>配置于 %1</translation>
    </message>
    <message>
        <source>%1: must be a list of %2</source>
        <translation>%1：必须是由%2组成的列表</translation>
    </message>
    <message>
        <source>environment names</source>
        <translation>环境名称</translation>
    </message>
</context>
<context>
    <name>ChartMarkers</name>
    <message>
        <source>rev %1</source>
        <translation>修订版本 %1</translation>
    </message>
    <message>
        <source>new revision</source>
        <translation>新修订版本</translation>
    </message>
    <message>
        <source>step %1/%2</source>
        <translation>第 %1 步（共 %2 步）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>已推进</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>fully promoted</source>
        <translation>已全量推进</translation>
    </message>
    <message>
        <source>step %1/%2: all steps done</source>
        <translation>步骤 %1/%2：所有步骤已完成</translation>
    </message>
    <message>
        <source>step %1/%2: %3</source>
        <translation>第 %1 步（共 %2 步）：%3</translation>
    </message>
    <message>
        <source> (weight %1 %)</source>
        <translation> (权重 %1%)</translation>
    </message>
</context>
<context>
    <name>ChartStyle</name>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>无定论</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
</context>
<context>
    <name>ChartThreshold</name>
    <message>
        <source>pass %1 %2</source>
        <translation>通过 %1 %2</translation>
    </message>
    <message>
        <source>fail %1 %2</source>
        <translation>失败 %1 %2</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>min %1</source>
        <translation>最小 %1</translation>
    </message>
</context>
<context>
    <name>ChartUnits</name>
    <message>
        <source>no value</source>
        <translation>无值</translation>
    </message>
</context>
<context>
    <name>ChartVariables</name>
    <message>
        <source>&apos;%1&apos; is not closed with &apos;}}&apos;</source>
        <translation>&apos;%1&apos; 没有以 &apos;}}&apos; 结束</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a variable reference</source>
        <translation>&apos;%1&apos; 不是变量引用</translation>
    </message>
    <message>
        <source>unknown variable {{%1}} (known: %2)</source>
        <translation>未知变量 {{%1}}（已知变量：%2）</translation>
    </message>
    <message>
        <source>variable {{%1}} refers to itself</source>
        <translation>变量 {{%1}} 引用了自身</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <source>Start the built-in simulated fleet (dev, staging, prod) and connect to it.</source>
        <translation>启动内置的模拟集群组（dev、staging、prod）并连接到它。</translation>
    </message>
    <message>
        <source>Read the kubeconfig from FILE only.</source>
        <translation>只从 FILE 读取 kubeconfig。</translation>
    </message>
    <message>
        <source>Read the environments from FILE (default: %1).</source>
        <translation>从 FILE 读取环境配置（默认：%1）。</translation>
    </message>
    <message>
        <source>User interface language, e.g. en or zh_CN (default: the system&apos;s).</source>
        <translation>界面语言，例如 en 或 zh_CN（默认：跟随系统）。</translation>
    </message>
    <message>
        <source>Offer no actions in any environment.</source>
        <translation>在所有环境中都不提供任何操作。</translation>
    </message>
    <message>
        <source>get: every namespace the environment shows.</source>
        <translation>get：该环境显示的所有命名空间。</translation>
    </message>
    <message>
        <source>get: only namespace NS (default: the context&apos;s).</source>
        <translation>get：只看命名空间 NS（默认：上下文的命名空间）。</translation>
    </message>
    <message>
        <source>get: only the environment of kubeconfig context C.</source>
        <translation>get：只看 kubeconfig 上下文 C 对应的环境。</translation>
    </message>
    <message>
        <source>--demo and --kubeconfig cannot be combined: the demo writes its own kubeconfig</source>
        <translation>--demo 与 --kubeconfig 不能同时使用：演示会写入自己的 kubeconfig</translation>
    </message>
    <message>
        <source>get rollout: the rollout&apos;s NAME is missing</source>
        <translation>get rollout：缺少发布的名称 NAME</translation>
    </message>
    <message>
        <source>get rollout: unexpected argument &apos;%1&apos;</source>
        <translation>get rollout：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>get rollouts: unexpected argument &apos;%1&apos;</source>
        <translation>get rollouts：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>-A and -n cannot be combined</source>
        <translation>-A 与 -n 不能同时使用</translation>
    </message>
    <message>
        <source>get rollout NAME: -A cannot be used; name the namespace with -n</source>
        <translation>get rollout NAME：不能使用 -A；请用 -n 指定命名空间</translation>
    </message>
    <message>
        <source>--context and --env cannot be combined</source>
        <translation>--context 与 --env 不能同时使用</translation>
    </message>
    <message>
        <source>-o: unknown output format &apos;%1&apos; (formats: table, wide, json)</source>
        <translation>-o：未知输出格式 &apos;%1&apos;（可用格式：table、wide、json）</translation>
    </message>
    <message>
        <source>--full is only valid with promote</source>
        <translation>--full 只能与 promote 一起使用</translation>
    </message>
    <message>
        <source>%1: the rollout&apos;s NAME is missing</source>
        <translation>%1：缺少发布的名称 NAME</translation>
    </message>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation>%1：多余的参数 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Open the window on workload ENV/NAMESPACE/NAME once it is listed.</source>
        <translation>工作负载 ENV/NAMESPACE/NAME 出现在列表中后，打开窗口并定位到它。</translation>
    </message>
    <message>
        <source>promote: skip every remaining step, pause and analysis.</source>
        <translation>promote：跳过所有剩余的步骤、暂停和分析。</translation>
    </message>
    <message>
        <source>undo: roll back to revision N (default: the previous one).</source>
        <translation>undo：回滚到修订版本 N（默认：上一个修订版本）。</translation>
    </message>
    <message>
        <source>get rollouts | get rollout NAME | pause NAME | ...</source>
        <translation>get rollouts | get rollout NAME | pause NAME | ...</translation>
    </message>
    <message>
        <source>--select: &apos;%1&apos; is not ENV/NAMESPACE/NAME</source>
        <translation>--select：&apos;%1&apos; 不是 ENV/NAMESPACE/NAME 形式</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (commands: %2)</source>
        <translation>未知命令 &apos;%1&apos;（可用命令：%2）</translation>
    </message>
    <message>
        <source>--to-revision is only valid with undo</source>
        <translation>--to-revision 只能与 undo 一起使用</translation>
    </message>
    <message>
        <source>--to-revision: &apos;%1&apos; is not a revision number (1, 2, ...)</source>
        <translation>--to-revision：&apos;%1&apos; 不是修订版本号（1、2、...）</translation>
    </message>
    <message>
        <source>--%1 is only valid with an action command</source>
        <translation>--%1 只能与操作命令一起使用</translation>
    </message>
    <message>
        <source>--%1 is only valid with a command (get, pause, ...)</source>
        <translation>--%1 只能与命令一起使用（get、pause、...）</translation>
    </message>
    <message>
        <source>%1: -A and -o are only valid with get</source>
        <translation>%1：-A 和 -o 只能与 get 一起使用</translation>
    </message>
    <message>
        <source>Colours: system, light or dark (default: the choice saved from View &gt; Theme, else system).</source>
        <translation>配色：system、light 或 dark（默认：使用在“视图 &gt; 主题”中保存的选择，否则为 system）。</translation>
    </message>
    <message>
        <source>--theme: &apos;%1&apos; is not one of system, light, dark</source>
        <translation>--theme：&apos;%1&apos; 不是 system、light、dark 之一</translation>
    </message>
    <message>
        <source>With --demo: simulated cluster ENV becomes unreachable 5 s after start (also in the Demo menu).</source>
        <translation>与 --demo 一起使用：模拟集群 ENV 在启动 5 秒后变为不可达（也可在“演示”菜单中操作）。</translation>
    </message>
    <message>
        <source>--demo-outage is only valid with --demo</source>
        <translation>--demo-outage 只能与 --demo 一起使用</translation>
    </message>
    <message>
        <source>Open the Releases window too: the recorded releases, their timelines and reports.</source>
        <translation>同时打开“发布记录”窗口：已记录的发布及其时间线和报告。</translation>
    </message>
    <message>
        <source>get, history: only environment E; record: E (repeatable).</source>
        <translation>get、history：只看环境 E；record：记录环境 E（可重复指定）。</translation>
    </message>
    <message>
        <source>get: table (default), wide or json; history: table or json; report: the FILE.pdf or FILE.md to write.</source>
        <translation>get：table（默认）、wide 或 json；history：table 或 json；report：要写入的 FILE.pdf 或 FILE.md。</translation>
    </message>
    <message>
        <source>--%1 is only valid without a command (it opens the window)</source>
        <translation>--%1 只能在不带命令时使用（它会打开窗口）</translation>
    </message>
    <message>
        <source>%1 does not take --%2</source>
        <translation>%1 不接受 --%2</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a time (2026-12-01, 2026-12-01T10:00:00Z) or a duration back from now (30m, 24h, 7d)</source>
        <translation>--%1：&apos;%2&apos; 不是时间（2026-12-01、2026-12-01T10:00:00Z），也不是从现在往前推的时长（30m、24h、7d）</translation>
    </message>
    <message>
        <source>--outcome: &apos;%1&apos; is not one of promoted, aborted, superseded, in-progress, deleted</source>
        <translation>--outcome：&apos;%1&apos; 不是 promoted、aborted、superseded、in-progress、deleted 之一</translation>
    </message>
    <message>
        <source>--workload: &apos;%1&apos; is not NAMESPACE/NAME or NAME</source>
        <translation>--workload：&apos;%1&apos; 不是 NAMESPACE/NAME 或 NAME 形式</translation>
    </message>
    <message>
        <source>history: give --env once</source>
        <translation>history：--env 只能指定一次</translation>
    </message>
    <message>
        <source>history: -o: unknown output format &apos;%1&apos; (formats: table, json)</source>
        <translation>history：-o：未知输出格式 &apos;%1&apos;（可用格式：table、json）</translation>
    </message>
    <message>
        <source>report: name the workload as ENV/NAMESPACE/NAME</source>
        <translation>report：请以 ENV/NAMESPACE/NAME 形式指定工作负载</translation>
    </message>
    <message>
        <source>report: &apos;%1&apos; is not ENV/NAMESPACE/NAME</source>
        <translation>report：&apos;%1&apos; 不是 ENV/NAMESPACE/NAME 形式</translation>
    </message>
    <message>
        <source>--revision: &apos;%1&apos; is not a revision number (1, 2, ...)</source>
        <translation>--revision：&apos;%1&apos; 不是修订版本号（1、2、...）</translation>
    </message>
    <message>
        <source>report: name the file to write with -o FILE.pdf or -o FILE.md</source>
        <translation>report：请用 -o FILE.pdf 或 -o FILE.md 指定要写入的文件</translation>
    </message>
    <message>
        <source>report: -o &apos;%1&apos; must name a file ending in .pdf or .md</source>
        <translation>report：-o &apos;%1&apos; 必须是以 .pdf 或 .md 结尾的文件名</translation>
    </message>
    <message>
        <source>history: only workload NS/NAME (or NAME in any namespace).</source>
        <translation>history：只看工作负载 NS/NAME（或任意命名空间中的 NAME）。</translation>
    </message>
    <message>
        <source>history: releases started at or after T (2026-12-01, 2026-12-01T10:00:00Z, or back from now: 30m, 24h, 7d).</source>
        <translation>history：在 T 或之后开始的发布（2026-12-01、2026-12-01T10:00:00Z，或从现在往前推：30m、24h、7d）。</translation>
    </message>
    <message>
        <source>history: releases started before T (as --since).</source>
        <translation>history：在 T 之前开始的发布（格式同 --since）。</translation>
    </message>
    <message>
        <source>history: only promoted, aborted, superseded, in-progress or deleted releases (repeatable, or comma-separated).</source>
        <translation>history：只看结果为 promoted、aborted、superseded、in-progress 或 deleted 的发布（可重复指定，或用逗号分隔）。</translation>
    </message>
    <message>
        <source>report: the release of revision N (default: the newest).</source>
        <translation>report：修订版本 N 的发布（默认：最新的一次）。</translation>
    </message>
    <message>
        <source>history, report, record: the release history database (default: $RELEASE_DASHBOARD_HISTORY_FILE, else history.sqlite, or demo-history.sqlite with --demo, in the app&apos;s data folder).</source>
        <translation>history、report、record：发布历史数据库（默认：$RELEASE_DASHBOARD_HISTORY_FILE；未设置时为应用数据文件夹中的 history.sqlite，使用 --demo 时为 demo-history.sqlite）。</translation>
    </message>
    <message>
        <source>--%1 is only valid with %2</source>
        <translation>--%1 只能与 %2 一起使用</translation>
    </message>
    <message>
        <source>gate check does not take --%1</source>
        <translation>gate check 不接受 --%1</translation>
    </message>
    <message>
        <source>gate check: name the rollout with --rollout NAMESPACE/NAME</source>
        <translation>gate check：请用 --rollout NAMESPACE/NAME 指定发布</translation>
    </message>
    <message>
        <source>--rollout: &apos;%1&apos; is not NAMESPACE/NAME</source>
        <translation>--rollout：&apos;%1&apos; 不是 NAMESPACE/NAME 形式</translation>
    </message>
    <message>
        <source>--watch: &apos;%1&apos; is not a duration from 1s to 24h (such as 30m)</source>
        <translation>--watch：&apos;%1&apos; 不是 1s 到 24h 之间的时长（例如 30m）</translation>
    </message>
    <message>
        <source>--at: &apos;%1&apos; is not a past time (2026-12-01T10:00:00Z, or a duration back from now such as 30m)</source>
        <translation>--at：&apos;%1&apos; 不是过去的时间（2026-12-01T10:00:00Z，或从现在往前推的时长，例如 30m）</translation>
    </message>
    <message>
        <source>--at and --watch cannot be combined: a past instant is judged once</source>
        <translation>--at 与 --watch 不能同时使用：过去的时刻只判定一次</translation>
    </message>
    <message>
        <source>gate check: -o: unknown output format &apos;%1&apos; (formats: text, json, junit)</source>
        <translation>gate check：-o：未知输出格式 &apos;%1&apos;（可用格式：text、json、junit）</translation>
    </message>
    <message>
        <source>gate check: the rollout to judge.</source>
        <translation>gate check：要判定的发布。</translation>
    </message>
    <message>
        <source>gate check: judge at a past time (RFC 3339, or a duration back from now).</source>
        <translation>gate check：按过去某一时刻判定（RFC 3339 格式，或从现在往前推的时长）。</translation>
    </message>
    <message>
        <source>gate check: judge again at every gate interval for this long; stop at the first failure.</source>
        <translation>gate check：在这段时长内按门禁间隔反复判定；首次未通过即停止。</translation>
    </message>
    <message>
        <source>gate: name what to do: gate check</source>
        <translation>gate：请指定要执行的操作：gate check</translation>
    </message>
    <message>
        <source>gate: unknown command &apos;%1&apos; (commands: check)</source>
        <translation>gate：未知命令 &apos;%1&apos;（可用命令：check）</translation>
    </message>
    <message>
        <source>gate check: unexpected argument &apos;%1&apos;</source>
        <translation>gate check：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>gate check: give --env once</source>
        <translation>gate check：--env 只能指定一次</translation>
    </message>
    <message>
        <source>--%1 is only valid with gate check</source>
        <translation>--%1 只能与 gate check 一起使用</translation>
    </message>
    <message>
        <source>Actions: return only once the controller shows the effect (exit code 5 when it does not in time).</source>
        <translation>操作命令：等控制器体现出效果后才返回（未能及时体现时退出码为 5）。</translation>
    </message>
    <message>
        <source>With --wait: wait at most DURATION, e.g. 90s or 2m (1s to 1h; default 60s).</source>
        <translation>与 --wait 一起使用：最多等待 DURATION，例如 90s 或 2m（1s 到 1h；默认 60s）。</translation>
    </message>
    <message>
        <source>--timeout is only valid with --wait</source>
        <translation>--timeout 只能与 --wait 一起使用</translation>
    </message>
    <message>
        <source>--timeout: &apos;%1&apos; is not a duration (e.g. 90s, 2m, 1m30s)</source>
        <translation>--timeout：&apos;%1&apos; 不是时长（例如 90s、2m、1m30s）</translation>
    </message>
    <message>
        <source>--timeout: %1 is outside 1s to 1h</source>
        <translation>--timeout：%1 超出了 1s 到 1h 的范围</translation>
    </message>
    <message>
        <source>--wait takes no value: give the time with --timeout %1</source>
        <translation>--wait 不接受值：请用 --timeout %1 指定时间</translation>
    </message>
    <message>
        <source>%1: give --%2 once</source>
        <translation>%1：--%2 只能指定一次</translation>
    </message>
    <message>
        <source>get applications: unexpected argument &apos;%1&apos;</source>
        <translation>get applications：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>app: name what to do: sync, rollback or terminate</source>
        <translation>app：请指定要执行的操作：sync、rollback 或 terminate</translation>
    </message>
    <message>
        <source>app: unknown command &apos;%1&apos; (commands: sync, rollback, terminate)</source>
        <translation>app：未知命令 &apos;%1&apos;（可用命令：sync、rollback、terminate）</translation>
    </message>
    <message>
        <source>%1: the application&apos;s NAME is missing</source>
        <translation>%1：缺少应用的名称 NAME</translation>
    </message>
    <message>
        <source>app rollback: the history ID is missing (app rollback NAME ID)</source>
        <translation>app rollback：缺少历史记录 ID（app rollback NAME ID）</translation>
    </message>
    <message>
        <source>app rollback: &apos;%1&apos; is not a history ID (0, 1, ...)</source>
        <translation>app rollback：&apos;%1&apos; 不是历史记录 ID（0、1、...）</translation>
    </message>
    <message>
        <source>--revision: name a Git revision or chart version</source>
        <translation>--revision：请指定 Git 修订版本或 chart 版本</translation>
    </message>
    <message>
        <source>get applications, app: only Argo CD server I of the environment&apos;s argocd: list.</source>
        <translation>get applications、app：只使用环境的 argocd: 列表中的 Argo CD 服务器 I。</translation>
    </message>
    <message>
        <source>app sync, app rollback: delete resources no longer in Git.</source>
        <translation>app sync、app rollback：删除已不在 Git 中的资源。</translation>
    </message>
    <message>
        <source>app sync, app rollback: let Argo CD show what would change, changing nothing.</source>
        <translation>app sync、app rollback：让 Argo CD 显示将会发生的变更，但不做任何更改。</translation>
    </message>
    <message>
        <source>app sync, app rollback: act on a protected environment.</source>
        <translation>app sync、app rollback：允许在受保护的环境中执行。</translation>
    </message>
    <message>
        <source>--%1 is only valid with get applications and app</source>
        <translation>--%1 只能与 get applications 和 app 一起使用</translation>
    </message>
    <message>
        <source>Release Dashboard: Argo Rollouts across every environment.

Without a command it opens the window. Commands:
  get rollouts [-A | -n NS] [--context C | --env E] [-o table|wide|json]
  get rollout NAME [-n NS] [--context C | --env E] [-o table|wide|json]
  pause|resume|abort|retry|restart NAME [-n NS] [--context C | --env E]
  promote NAME [--full] [-n NS] [--context C | --env E]
  undo NAME [--to-revision N] [-n NS] [--context C | --env E]
    (each action also: [--wait [--timeout DURATION]])
  history [--env E] [--workload NS/NAME] [--since T] [--until T]
          [--outcome O] [-o table|json] [--history-file FILE]
  report ENV/NS/NAME [--revision N] -o FILE.pdf|FILE.md
  record [--env E ...] [--history-file FILE]
  gate check --rollout NS/NAME [--env E | --context C] [--at TIME]
             [--watch DURATION] [-o text|json|junit]
  get applications [--env E] [--instance I] [-o table|wide|json]
  app sync NAME [--env E] [--instance I] [--revision R] [--prune]
           [--dry-run] [--yes]
  app rollback NAME ID [--env E] [--instance I] [--prune] [--dry-run]
               [--yes]
  app terminate NAME [--env E] [--instance I]</source>
        <translation>Release Dashboard：跨所有环境查看 Argo Rollouts。

不带命令时打开窗口。命令：
  get rollouts [-A | -n NS] [--context C | --env E] [-o table|wide|json]
  get rollout NAME [-n NS] [--context C | --env E] [-o table|wide|json]
  pause|resume|abort|retry|restart NAME [-n NS] [--context C | --env E]
  promote NAME [--full] [-n NS] [--context C | --env E]
  undo NAME [--to-revision N] [-n NS] [--context C | --env E]
    （每个操作命令都还可以加上：[--wait [--timeout DURATION]]）
  history [--env E] [--workload NS/NAME] [--since T] [--until T]
          [--outcome O] [-o table|json] [--history-file FILE]
  report ENV/NS/NAME [--revision N] -o FILE.pdf|FILE.md
  record [--env E ...] [--history-file FILE]
  gate check --rollout NS/NAME [--env E | --context C] [--at TIME]
             [--watch DURATION] [-o text|json|junit]
  get applications [--env E] [--instance I] [-o table|wide|json]
  app sync NAME [--env E] [--instance I] [--revision R] [--prune]
           [--dry-run] [--yes]
  app rollback NAME ID [--env E] [--instance I] [--prune] [--dry-run]
               [--yes]
  app terminate NAME [--env E] [--instance I]</translation>
    </message>
    <message>
        <source>get: name a resource: rollouts, rollout NAME or applications</source>
        <translation>get：请指定资源：rollouts、rollout NAME 或 applications</translation>
    </message>
    <message>
        <source>get: unknown resource &apos;%1&apos; (known: rollouts, applications)</source>
        <translation>get：未知资源 &apos;%1&apos;（支持：rollouts、applications）</translation>
    </message>
    <message>
        <source>get canaries: unexpected argument &apos;%1&apos;</source>
        <translation>get canaries：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 is not an action on a Flagger canary (actions: %2)</source>
        <translation>%1 不是 Flagger 金丝雀的操作（可用操作：%2）</translation>
    </message>
    <message>
        <source>--%1 is not valid for a Flagger canary</source>
        <translation>--%1 不适用于 Flagger 金丝雀</translation>
    </message>
    <message>
        <source>%1: name the canary: %1 canary NAME</source>
        <translation>%1：请指定金丝雀：%1 canary NAME</translation>
    </message>
    <message>
        <source>
  get canaries [-A | -n NS] [--context C | --env E] [-o table|json]
  pause|resume|promote|abort|halt canary NAME [-n NS] [--context C | --env E]
    [--wait [--timeout DURATION]] (Flagger canaries)</source>
        <translation>
  get canaries [-A | -n NS] [--context C | --env E] [-o table|json]
  pause|resume|promote|abort|halt canary NAME [-n NS] [--context C | --env E]
    [--wait [--timeout DURATION]]（Flagger 金丝雀）</translation>
    </message>
</context>
<context>
    <name>ConnectionStateStyle</name>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Retrying in %1 s</source>
        <translation>%1 秒后重试</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>正在重试</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>无权访问</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>配置错误</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>TLS verification is off for this context (insecure-skip-tls-verify): the server&apos;s identity is not checked.</source>
        <translation>此上下文关闭了 TLS 校验（insecure-skip-tls-verify）：不会验证服务器的身份。</translation>
    </message>
    <message>
        <source>%1, retrying in %2 s</source>
        <translation>%1，%2 秒后重试</translation>
    </message>
</context>
<context>
    <name>ConnectionStatusBar</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>尚无数据</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
</context>
<context>
    <name>DataWarnings</name>
    <message>
        <source>%1 %2: %3</source>
        <comment>resource object: issue</comment>
        <translation>%1 %2：%3</translation>
    </message>
</context>
<context>
    <name>DeliveryFiguresStrip</name>
    <message>
        <source>Releases that started in the period and pass the filters</source>
        <translation>在此期间开始且符合筛选条件的发布</translation>
    </message>
    <message>
        <source>Releases × 7 days ÷ the length of the period</source>
        <translation>发布次数 × 7 天 ÷ 期间长度</translation>
    </message>
    <message>
        <source>Share of the releases whose outcome is Aborted</source>
        <translation>结果为“已中止”的发布所占比例</translation>
    </message>
    <message>
        <source>Share of the releases that went back to the pod template of an earlier release of the same workload (an undo or a rollback)</source>
        <translation>回到同一工作负载此前某次发布的 Pod 模板的发布所占比例（undo 或回滚）</translation>
    </message>
    <message>
        <source>Median time from a release&apos;s start to its full promotion, over the promoted releases</source>
        <translation>已推进的发布从开始到全量推进所用时间的中位数</translation>
    </message>
    <message>
        <source>Time from an aborted release&apos;s end to the end of the next promoted release of the same workload</source>
        <translation>从某次已中止的发布结束，到同一工作负载下一次已推进的发布结束所用的时间</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>percent</comment>
        <translation>%1%</translation>
    </message>
    <message numerus="yes">
        <source>releases</source>
        <comment>count, the number is above</comment>
        <translation>
            <numerusform>次发布</numerusform>
        </translation>
    </message>
    <message>
        <source>per week</source>
        <translation>每周</translation>
    </message>
    <message numerus="yes">
        <source>aborted (%n)</source>
        <translation>
            <numerusform>已中止（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>rolled back (%n)</source>
        <translation>
            <numerusform>已回滚（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>median time to promotion</source>
        <translation>推进用时中位数</translation>
    </message>
    <message>
        <source>median time to recover, mean %1</source>
        <translation>恢复用时中位数，平均 %1</translation>
    </message>
    <message>
        <source>median time to recover</source>
        <translation>恢复用时中位数</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n not recovered</source>
        <translation>
            <numerusform>%1；%n 次未恢复</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoProcess</name>
    <message>
        <source>The demo cannot start: rd-sim is missing (looked for %1; it is installed beside release-dashboard)</source>
        <translation>无法启动演示：缺少 rd-sim（查找位置：%1；它与 release-dashboard 安装在同一目录）</translation>
    </message>
    <message>
        <source>The demo cannot start: %1 did not run: %2</source>
        <translation>无法启动演示：%1 未能运行：%2</translation>
    </message>
    <message>
        <source>The demo cannot start: rd-sim ended before it was ready: %1</source>
        <translation>无法启动演示：rd-sim 在就绪之前已退出：%1</translation>
    </message>
    <message>
        <source>The demo cannot start: rd-sim was not ready within %1 s</source>
        <translation>无法启动演示：rd-sim 未在 %1 秒内就绪</translation>
    </message>
    <message>
        <source>it crashed</source>
        <translation>它已崩溃</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>rd-sim did not answer</source>
        <translation>rd-sim 没有应答</translation>
    </message>
    <message>
        <source>Cluster %1 did not come back: %2</source>
        <translation>集群 %1 未能恢复：%2</translation>
    </message>
    <message>
        <source>Cluster %1 was not taken offline: %2</source>
        <translation>集群 %1 未能下线：%2</translation>
    </message>
</context>
<context>
    <name>DeploymentDetailView</name>
    <message>
        <source>ReplicaSets (%1)</source>
        <translation>ReplicaSet（%1）</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>修订版本 %1</translation>
    </message>
    <message>
        <source>%1 desired</source>
        <translation>期望 %1</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>已更新 %1</translation>
    </message>
    <message>
        <source>%1 ready</source>
        <translation>就绪 %1</translation>
    </message>
    <message>
        <source>%1 available</source>
        <translation>可用 %1</translation>
    </message>
    <message>
        <source>max surge %1</source>
        <translation>最大超量 %1</translation>
    </message>
    <message>
        <source>max unavailable %1</source>
        <translation>最大不可用 %1</translation>
    </message>
    <message>
        <source>paused (spec.paused)</source>
        <translation>已暂停（spec.paused）</translation>
    </message>
    <message>
        <source>Images: %1</source>
        <translation>镜像：%1</translation>
    </message>
    <message>
        <source>Stale since %1: %2 is not connected, so this is the last known state.</source>
        <translation>自 %1 起数据已过时：%2 未连接，这里显示的是最后已知的状态。</translation>
    </message>
</context>
<context>
    <name>DeploymentStatus</name>
    <message>
        <source>Waiting for deployment spec update to be observed...</source>
        <translation>等待控制器观察到 Deployment 规格的更新...</translation>
    </message>
    <message>
        <source>deployment &quot;%1&quot; exceeded its progress deadline</source>
        <translation>Deployment &quot;%1&quot; 超过了进度期限</translation>
    </message>
    <message>
        <source>Waiting for deployment &quot;%1&quot; rollout to finish: %2 out of %3 new replicas have been updated...</source>
        <translation>等待 Deployment &quot;%1&quot; 发布完成：%3 个新副本中已更新 %2 个...</translation>
    </message>
    <message>
        <source>Waiting for deployment &quot;%1&quot; rollout to finish: %2 old replicas are pending termination...</source>
        <translation>等待 Deployment &quot;%1&quot; 发布完成：%2 个旧副本等待终止...</translation>
    </message>
    <message>
        <source>Waiting for deployment &quot;%1&quot; rollout to finish: %2 of %3 updated replicas are available...</source>
        <translation>等待 Deployment &quot;%1&quot; 发布完成：%3 个已更新副本中有 %2 个可用...</translation>
    </message>
    <message>
        <source>deployment &quot;%1&quot; successfully rolled out</source>
        <translation>Deployment &quot;%1&quot; 已成功发布</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a rollout to see its steps, ReplicaSets and analysis</source>
        <translation>选择一个发布，查看它的步骤、ReplicaSet 和分析</translation>
    </message>
</context>
<context>
    <name>DetailText</name>
    <message>
        <source>Successful</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>无定论</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Replica failure</source>
        <translation>副本故障</translation>
    </message>
    <message>
        <source>Scaled down</source>
        <translation>已缩容</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>正在终止</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 前</translation>
    </message>
</context>
<context>
    <name>EnvironmentBadge</name>
    <message>
        <source>Environment %1: every action acts here</source>
        <translation>环境 %1：所有操作都作用于此环境</translation>
    </message>
</context>
<context>
    <name>EnvironmentConfig</name>
    <message>
        <source>unknown key &apos;%1&apos; (expected one of: %2)</source>
        <translation>未知的键 &apos;%1&apos;（应为以下之一：%2）</translation>
    </message>
    <message>
        <source>duplicate key &apos;%1&apos;</source>
        <translation>重复的键 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: must be a string</source>
        <translation>%1：必须是字符串</translation>
    </message>
    <message>
        <source>%1: must be a mapping with at least a &apos;name&apos;</source>
        <translation>%1：必须是至少包含 &apos;name&apos; 的映射</translation>
    </message>
    <message>
        <source>%1: &apos;name&apos; is missing</source>
        <translation>%1：缺少 &apos;name&apos;</translation>
    </message>
    <message>
        <source>%1.name: must not be empty</source>
        <translation>%1.name：不能为空</translation>
    </message>
    <message>
        <source>%1.context: must not be empty</source>
        <translation>%1.context：不能为空</translation>
    </message>
    <message>
        <source>%1.namespaces: must be a list of namespace names</source>
        <translation>%1.namespaces：必须是命名空间名称的列表</translation>
    </message>
    <message>
        <source>%1: must not be empty</source>
        <translation>%1：不能为空</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is listed twice</source>
        <translation>%1：&apos;%2&apos; 重复列出</translation>
    </message>
    <message>
        <source>%1.order: &apos;%2&apos; is not an integer</source>
        <translation>%1.order：&apos;%2&apos; 不是整数</translation>
    </message>
    <message>
        <source>%1.colour: &apos;%2&apos; is not a colour of the form #rrggbb</source>
        <translation>%1.colour：&apos;%2&apos; 不是 #rrggbb 形式的颜色</translation>
    </message>
    <message>
        <source>the file is empty; expected an &apos;environments&apos; list</source>
        <translation>文件为空；应包含 &apos;environments&apos; 列表</translation>
    </message>
    <message>
        <source>expected a mapping with an &apos;environments&apos; list</source>
        <translation>应为包含 &apos;environments&apos; 列表的映射</translation>
    </message>
    <message>
        <source>&apos;environments&apos; is missing</source>
        <translation>缺少 &apos;environments&apos;</translation>
    </message>
    <message>
        <source>environments: must be a non-empty list</source>
        <translation>environments：必须是非空列表</translation>
    </message>
    <message>
        <source>environments[%1].name: &apos;%2&apos; is already defined on line %3</source>
        <translation>environments[%1].name：&apos;%2&apos; 已在第 %3 行定义</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>environments[%1].context: context &apos;%2&apos; of environment &apos;%3&apos; is not in the kubeconfig (contexts: %4)</source>
        <translation>environments[%1].context：环境 &apos;%3&apos; 的上下文 &apos;%2&apos; 不在 kubeconfig 中（现有上下文：%4）</translation>
    </message>
    <message>
        <source>%1: must be a non-empty string</source>
        <translation>%1：必须是非空字符串</translation>
    </message>
    <message>
        <source>%1: must be true or false</source>
        <translation>%1：必须是 true 或 false</translation>
    </message>
    <message>
        <source>%1: must not contain credentials; use basicAuth</source>
        <translation>%1：不能包含凭据；请使用 basicAuth</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an http or https URL</source>
        <translation>%1：&apos;%2&apos; 不是 http 或 https URL</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must not have a query or fragment</source>
        <translation>%1：&apos;%2&apos; 不能包含查询参数或片段</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be a path starting with &apos;/&apos;</source>
        <translation>%1：&apos;%2&apos; 必须是以 &apos;/&apos; 开头的路径</translation>
    </message>
    <message>
        <source>%1: must be a mapping of header names to values</source>
        <translation>%1：必须是从请求头名称到值的映射</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a valid header name</source>
        <translation>%1：&apos;%2&apos; 不是有效的请求头名称</translation>
    </message>
    <message>
        <source>%1: duplicate header &apos;%2&apos;</source>
        <translation>%1：重复的请求头 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is set by the client</source>
        <translation>%1：&apos;%2&apos; 由客户端设置</translation>
    </message>
    <message>
        <source>%1: must not contain line breaks</source>
        <translation>%1：不能包含换行符</translation>
    </message>
    <message>
        <source>%1: must be a mapping with &apos;username&apos; and &apos;password&apos; or &apos;passwordFile&apos;</source>
        <translation>%1：必须是包含 &apos;username&apos; 以及 &apos;password&apos; 或 &apos;passwordFile&apos; 的映射</translation>
    </message>
    <message>
        <source>%1: &apos;username&apos; is missing</source>
        <translation>%1：缺少 &apos;username&apos;</translation>
    </message>
    <message>
        <source>%1: set password or passwordFile, not both</source>
        <translation>%1：password 和 passwordFile 只能设置其中一个</translation>
    </message>
    <message>
        <source>%1: &apos;password&apos; or &apos;passwordFile&apos; is missing</source>
        <translation>%1：缺少 &apos;password&apos; 或 &apos;passwordFile&apos;</translation>
    </message>
    <message>
        <source>%1: must be a mapping</source>
        <translation>%1：必须是映射</translation>
    </message>
    <message>
        <source>%1: &apos;cert&apos; and &apos;key&apos; must be set together</source>
        <translation>%1：&apos;cert&apos; 和 &apos;key&apos; 必须同时设置</translation>
    </message>
    <message>
        <source>%1: must be a mapping (namespace, name, port, scheme)</source>
        <translation>%1：必须是映射（namespace、name、port、scheme）</translation>
    </message>
    <message>
        <source>%1.namespace: &apos;%2&apos; is not a valid namespace name</source>
        <translation>%1.namespace：&apos;%2&apos; 不是有效的命名空间名称</translation>
    </message>
    <message>
        <source>%1.name: &apos;%2&apos; is not a valid service name</source>
        <translation>%1.name：&apos;%2&apos; 不是有效的服务名称</translation>
    </message>
    <message>
        <source>%1.port: &apos;%2&apos; is not a port number (1-65535) or port name</source>
        <translation>%1.port：&apos;%2&apos; 不是端口号（1-65535）或端口名称</translation>
    </message>
    <message>
        <source>%1.scheme: &apos;%2&apos; must be http or https</source>
        <translation>%1.scheme：&apos;%2&apos; 必须是 http 或 https</translation>
    </message>
    <message>
        <source>%1: must be a mapping, or false to turn metrics off</source>
        <translation>%1：必须是映射，或设为 false 以关闭指标</translation>
    </message>
    <message>
        <source>%1: set &apos;url&apos; or &apos;service&apos;, not both</source>
        <translation>%1：&apos;url&apos; 和 &apos;service&apos; 只能设置其中一个</translation>
    </message>
    <message>
        <source>%1.%2: only used with &apos;url&apos;; through the service proxy the kubeconfig&apos;s credentials apply</source>
        <translation>%1.%2：只在使用 &apos;url&apos; 时有效；通过服务代理访问时使用 kubeconfig 的凭据</translation>
    </message>
    <message>
        <source>%1: set a bearer token or basicAuth, not both</source>
        <translation>%1：bearer 令牌和 basicAuth 只能设置其中一个</translation>
    </message>
    <message>
        <source>%1.headers: &apos;Authorization&apos; cannot be combined with a bearer token, basicAuth or the service proxy</source>
        <translation>%1.headers：&apos;Authorization&apos; 不能与 bearer 令牌、basicAuth 或服务代理同时使用</translation>
    </message>
    <message>
        <source>%1: must be a list of {name, url}</source>
        <translation>%1：必须是由 {name, url} 组成的列表</translation>
    </message>
    <message>
        <source>%1: must be a map with name and url</source>
        <translation>%1：必须是包含 name 和 url 的映射</translation>
    </message>
    <message>
        <source>%1: needs both name and url</source>
        <translation>%1：必须同时设置 name 和 url</translation>
    </message>
    <message>
        <source>%1.url: &apos;%2&apos; is not an http or https address</source>
        <translation>%1.url：&apos;%2&apos; 不是 http 或 https 地址</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not notify or pause</source>
        <translation>%1：&apos;%2&apos; 不是 notify 或 pause</translation>
    </message>
    <message>
        <source>%1: must be a list of Argo CD servers</source>
        <translation>%1：必须是 Argo CD 服务器列表</translation>
    </message>
    <message>
        <source>%1: the name &apos;%2&apos; is used twice; give each server its own &apos;name&apos;</source>
        <translation>%1：名称 &apos;%2&apos; 重复使用；请为每个服务器设置各自的 &apos;name&apos;</translation>
    </message>
    <message>
        <source>%1: must be a mapping (url or service, token)</source>
        <translation>%1：必须是映射（url 或 service，以及 token）</translation>
    </message>
    <message>
        <source>%1.tls: only used with &apos;url&apos;; through the service proxy the kubeconfig&apos;s TLS settings apply</source>
        <translation>%1.tls：只在使用 &apos;url&apos; 时有效；通过服务代理访问时使用 kubeconfig 的 TLS 设置</translation>
    </message>
    <message>
        <source>%1.headers: &apos;%2&apos; is set by the client from &apos;token&apos; or &apos;tokenFile&apos;</source>
        <translation>%1.headers：&apos;%2&apos; 由客户端根据 &apos;token&apos; 或 &apos;tokenFile&apos; 设置</translation>
    </message>
    <message>
        <source>%1: set %2 or %3, not both</source>
        <translation>%1：%2 和 %3 只能设置其中一个</translation>
    </message>
    <message>
        <source>%1: must not contain credentials</source>
        <translation>%1：不能包含凭据</translation>
    </message>
    <message>
        <source>%1: must be a mapping of ciNamespaces, ciLabels, argoWorkflowsUrl, tektonDashboardUrl and falco</source>
        <translation>%1：必须是包含 ciNamespaces、ciLabels、argoWorkflowsUrl、tektonDashboardUrl 和 falco 的映射</translation>
    </message>
    <message>
        <source>%1: must be a list of namespace names</source>
        <translation>%1：必须是命名空间名称的列表</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a namespace name (lowercase letters, digits and &apos;-&apos;, at most 63)</source>
        <translation>%1：&apos;%2&apos; 不是命名空间名称（只能包含小写字母、数字和 &apos;-&apos;，最多 63 个字符）</translation>
    </message>
    <message>
        <source>%1: must be a mapping of label name to value</source>
        <translation>%1：必须是从标签名称到值的映射</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a label name</source>
        <translation>%1：&apos;%2&apos; 不是标签名称</translation>
    </message>
    <message>
        <source>%1: unknown variable {{%2}} (known: %3)</source>
        <translation>%1：未知变量 {{%2}}（已知变量：%3）</translation>
    </message>
    <message>
        <source>%1: duplicate label &apos;%2&apos;</source>
        <translation>%1：重复的标签 &apos;%2&apos;</translation>
    </message>
</context>
<context>
    <name>EnvironmentDelegate</name>
    <message>
        <source>insecure TLS</source>
        <translation>不安全的 TLS</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Context: %1</source>
        <translation>上下文：%1</translation>
    </message>
    <message>
        <source>Last update: %1</source>
        <translation>最近更新：%1</translation>
    </message>
    <message>
        <source>Read-only: no actions are offered.</source>
        <translation>只读：不提供任何操作。</translation>
    </message>
    <message>
        <source>Workloads: %1</source>
        <translation>工作负载：%1</translation>
    </message>
    <message>
        <source>Some fields could not be read and are shown with default values:</source>
        <translation>以下字段无法读取，显示的是默认值：</translation>
    </message>
</context>
<context>
    <name>EnvironmentModel</name>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>正在重试</translation>
    </message>
    <message>
        <source>not authorised</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>访问被拒绝</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>configuration error</source>
        <translation>配置错误</translation>
    </message>
    <message numerus="yes">
        <source>retrying in %n s</source>
        <translation>
            <numerusform>%n 秒后重试</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, retrying in %n s</source>
        <translation>
            <numerusform>%1，%n 秒后重试</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>state: reason</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>environment — state</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>state · attention</comment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个待处理</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>failed, waiting</comment>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>EnvironmentPickerDialog</name>
    <message>
        <source>Choose Environments</source>
        <translation>选择环境</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>(no cluster)</source>
        <translation>（无集群）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Use Without Saving</source>
        <translation>使用但不保存</translation>
    </message>
    <message>
        <source>Two environments have the same name.</source>
        <translation>有两个环境同名。</translation>
    </message>
    <message>
        <source>Choose at least one cluster.</source>
        <translation>请至少选择一个集群。</translation>
    </message>
    <message>
        <source>Save writes %1</source>
        <translation>“保存”会写入 %1</translation>
    </message>
    <message>
        <source>Your kubeconfig has %1 for %2. Each cluster is one environment, through the context chosen for it (the one you act with: actions need its permissions). Untick a cluster to leave it out.</source>
        <comment>%1: the contexts, %2: the clusters</comment>
        <translation>你的 kubeconfig 中有 %1，对应 %2。每个集群是一个环境，通过为它选择的上下文访问（也就是执行操作时使用的上下文：操作需要它的权限）。取消勾选某个集群即可将其排除。</translation>
    </message>
    <message numerus="yes">
        <source>%n contexts</source>
        <translation>
            <numerusform>%n 个上下文</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clusters</source>
        <translation>
            <numerusform>%n 个集群</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvironmentWorker</name>
    <message>
        <source>Out of memory: the watch of %1 could not be started</source>
        <translation>内存不足：无法启动对 %1 的监视</translation>
    </message>
    <message>
        <source>Out of memory: the Argo CD watch could not be started</source>
        <translation>内存不足：无法启动 Argo CD 监视</translation>
    </message>
</context>
<context>
    <name>ExecPlugin</name>
    <message>
        <source>exec plugin &quot;%1&quot; (user &quot;%2&quot;)</source>
        <translation>exec 插件 &quot;%1&quot;（用户 &quot;%2&quot;）</translation>
    </message>
    <message>
        <source>%1 printed output that is not a JSON object</source>
        <translation>%1 输出的内容不是 JSON 对象</translation>
    </message>
    <message>
        <source>%1 returned apiVersion &quot;%2&quot;, expected &quot;%3&quot;</source>
        <translation>%1 返回的 apiVersion 为 &quot;%2&quot;，应为 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1 returned kind &quot;%2&quot;, expected &quot;ExecCredential&quot;</source>
        <translation>%1 返回的 kind 为 &quot;%2&quot;，应为 &quot;ExecCredential&quot;</translation>
    </message>
    <message>
        <source>%1 returned no status</source>
        <translation>%1 没有返回 status</translation>
    </message>
    <message>
        <source>%1 returned only a client certificate or key, not both</source>
        <translation>%1 只返回了客户端证书或私钥之一，而不是两者都有</translation>
    </message>
    <message>
        <source>%1 returned neither a token nor a client certificate and key</source>
        <translation>%1 既没有返回令牌，也没有返回客户端证书和私钥</translation>
    </message>
    <message>
        <source>%1 returned an invalid expirationTimestamp &quot;%2&quot;</source>
        <translation>%1 返回了无效的 expirationTimestamp &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 无法启动：%2</translation>
    </message>
    <message>
        <source>%1 failed with exit code %2</source>
        <translation>%1 失败，退出码 %2</translation>
    </message>
    <message>
        <source>%1 did not finish within %2 seconds; it was stopped with every process it started</source>
        <translation>%1 未在 %2 秒内完成；它及其启动的所有进程已被终止</translation>
    </message>
    <message>
        <source>%1 printed more than %2 KiB and was stopped; a credential is never that large</source>
        <translation>%1 输出超过 %2 KiB，已被终止；凭据不可能这么大</translation>
    </message>
    <message>
        <source>%1 was ended by signal %2</source>
        <translation>%1 被信号 %2 终止</translation>
    </message>
    <message>
        <source>Waiting for %1; it is stopped after %2 s if it does not answer</source>
        <translation>正在等待 %1；若无响应，将在 %2 秒后终止</translation>
    </message>
</context>
<context>
    <name>ExperimentRows</name>
    <message>
        <source>%1 %2 (the kubectl plugin&apos;s icon)</source>
        <translation>%1 %2（kubectl 插件的图标）</translation>
    </message>
    <message>
        <source>Experiment %1</source>
        <translation>实验 %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>创建于：%1</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>时长：%1</translation>
    </message>
    <message>
        <source>current experiment</source>
        <translation>当前实验</translation>
    </message>
    <message>
        <source>experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 available of %2 desired over %n template(s)</source>
        <translation>
            <numerusform>%n 个模板共期望 %2 个，可用 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Runs until its analyses finish</source>
        <translation>运行到其分析结束为止</translation>
    </message>
    <message>
        <source>Runs for %1 once its pods are available</source>
        <translation>其 Pod 可用后运行 %1</translation>
    </message>
    <message>
        <source>; available since %1</source>
        <translation>；自 %1 起可用</translation>
    </message>
    <message>
        <source>AnalysisRun %1</source>
        <translation>AnalysisRun %1</translation>
    </message>
    <message>
        <source>No AnalysisRun yet</source>
        <translation>尚无 AnalysisRun</translation>
    </message>
    <message>
        <source>analysis %1, required for completion</source>
        <translation>分析 %1，完成所必需</translation>
    </message>
    <message>
        <source>analysis %1</source>
        <translation>分析 %1</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>%1 active, %2 succeeded, %3 failed</source>
        <translation>%1 个运行中，%2 个成功，%3 个失败</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>开始于：%1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Show only %1 rollouts (combine several)</source>
        <translation>只显示状态为“%1”的发布（可多选）</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>Show only rollouts that need a person: degraded, or paused for another reason than a canary step</source>
        <translation>只显示需要人工处理的发布：已降级，或因金丝雀步骤以外的原因而暂停</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear every filter</source>
        <translation>清除所有筛选条件</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Needs attention %1</source>
        <translation>需要关注 %1</translation>
    </message>
    <message>
        <source>Filter by environment, namespace, name or image (Ctrl+F)</source>
        <translation>按环境、命名空间、名称或镜像筛选（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Start the Demo</source>
        <translation>启动演示</translation>
    </message>
    <message>
        <source>Open Kubeconfig…</source>
        <translation>打开 kubeconfig…</translation>
    </message>
    <message>
        <source>Welcome to Release Dashboard</source>
        <translation>欢迎使用 Release Dashboard</translation>
    </message>
    <message>
        <source>Every rollout of every cluster in one window: what is deployed, how each canary or blue-green is doing, and pause or abort in one click.</source>
        <translation>在一个窗口中查看所有集群的所有发布：部署了什么、每个金丝雀或蓝绿发布进展如何，并可一键暂停或中止。</translation>
    </message>
    <message>
        <source>Look around on a simulated fleet of three clusters (dev, staging, prod) with canaries in every state. Nothing leaves this computer.</source>
        <translation>在由三个集群（dev、staging、prod）组成的模拟集群组中随意浏览，其中有处于各种状态的金丝雀发布。任何数据都不会离开这台计算机。</translation>
    </message>
    <message>
        <source>Or pick the kubeconfig file of your clusters. Each cluster becomes one environment; you can choose which afterwards (File &gt; Choose Environments).</source>
        <translation>或者选择你的集群的 kubeconfig 文件。每个集群成为一个环境；之后可以再选择要使用哪些（文件 &gt; 选择环境）。</translation>
    </message>
    <message>
        <source>Open Kubeconfig</source>
        <translation>打开 kubeconfig</translation>
    </message>
    <message>
        <source>Kubeconfig files (*config* *.yaml *.yml);;All files (*)</source>
        <translation>kubeconfig 文件 (*config* *.yaml *.yml);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FlaggerActionExecutor</name>
    <message>
        <source>The load tester refused %1 for %2 (HTTP %3): %4</source>
        <translation>负载测试器拒绝了对 %2 的 %1 请求（HTTP %3）：%4</translation>
    </message>
    <message>
        <source>The API server did not accept your credentials (401): %1</source>
        <translation>API 服务器不接受你的凭据（401）：%1</translation>
    </message>
    <message>
        <source>The server refused: you may not %1 in namespace %2. %3</source>
        <translation>服务器拒绝了请求：你无权在命名空间 %2 中执行 %1。%3</translation>
    </message>
    <message>
        <source>The load tester&apos;s service was not found in namespace %1 (404): %2</source>
        <translation>在命名空间 %1 中找不到负载测试器的服务（404）：%2</translation>
    </message>
    <message>
        <source>Canary %1 was not found in %2.</source>
        <translation>在 %2 中找不到金丝雀 %1。</translation>
    </message>
    <message>
        <source>%1 of %2 failed: the canary changed meanwhile (409 Conflict); look at it again and retry.</source>
        <translation>对 %2 执行“%1”失败：金丝雀在此期间已被更改（409 Conflict）；请重新查看后再试。</translation>
    </message>
    <message>
        <source>%1 of %2 failed: %3</source>
        <translation>对 %2 执行“%1”失败：%3</translation>
    </message>
    <message>
        <source>The API server accepted %1 for %2.</source>
        <translation>API 服务器已接受对 %2 的 %1 请求。</translation>
    </message>
    <message>
        <source>%1 for %2: %3</source>
        <translation>对 %2 的 %1 请求：%3</translation>
    </message>
    <message>
        <source>You may not %1 in namespace %2, so %3 cannot be sent (checked with a SelfSubjectAccessReview).</source>
        <translation>你无权在命名空间 %2 中执行 %1，因此无法发送 %3（已通过 SelfSubjectAccessReview 检查）。</translation>
    </message>
    <message>
        <source>%1 was not sent: canary %2 in %3 is no longer the one that was confirmed (it was deleted and created again: uid %4, confirmed %5).</source>
        <translation>%1 未发送：%3 中的金丝雀 %2 已不是确认时的那一个（它已被删除并重新创建：uid %4，确认时为 %5）。</translation>
    </message>
</context>
<context>
    <name>FlaggerActions</name>
    <message>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>The canary is already suspended.</source>
        <translation>该金丝雀已挂起。</translation>
    </message>
    <message>
        <source>The canary is not suspended: Flagger is reconciling it.</source>
        <translation>该金丝雀未挂起：Flagger 正在协调它。</translation>
    </message>
    <message>
        <source>The %1 webhook %2 does not point at a load tester in the cluster: %3.</source>
        <translation>%1 webhook %2 没有指向集群中的负载测试器：%3。</translation>
    </message>
    <message>
        <source>The %1 webhook %2 calls %3, which answers the same whatever is sent: only a load tester&apos;s /check endpoint has a gate to switch.</source>
        <translation>%1 webhook %2 调用的是 %3，无论发送什么，它的回答都一样：只有负载测试器的 /check 端点才有可切换的门禁。</translation>
    </message>
    <message>
        <source>The canary is suspended: Flagger asks no gate until it is resumed.</source>
        <translation>该金丝雀已挂起：在恢复之前，Flagger 不会询问任何门禁。</translation>
    </message>
    <message>
        <source>This canary has no confirm-promotion webhook: Flagger promotes by itself when the analysis passes.</source>
        <translation>该金丝雀没有 confirm-promotion webhook：分析通过后 Flagger 会自行推进。</translation>
    </message>
    <message>
        <source>No analysis is running (phase %1): opening the promotion gate now would approve the next revision in advance.</source>
        <translation>当前没有正在运行的分析（阶段 %1）：现在打开推进门禁会提前批准下一个修订版本。</translation>
    </message>
    <message>
        <source>This canary has no confirm-promotion, confirm-traffic-increase or confirm-rollout webhook: there is no gate to close.</source>
        <translation>该金丝雀没有 confirm-promotion、confirm-traffic-increase 或 confirm-rollout webhook：没有可关闭的门禁。</translation>
    </message>
    <message>
        <source>This canary has no rollback webhook: Flagger rolls back by itself only when its checks fail.</source>
        <translation>该金丝雀没有 rollback webhook：Flagger 只在检查失败时才会自行回滚。</translation>
    </message>
    <message>
        <source>Flagger asks the rollback gate only while an analysis runs or waits (phase %1): opening it now would roll back the next revision as soon as it starts.</source>
        <translation>Flagger 只在分析运行或等待期间询问回滚门禁（当前阶段 %1）：现在打开它，会在下一个修订版本一开始就将其回滚。</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>Close gate</source>
        <translation>关闭门禁</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>sent; Flagger acts on its next check (interval %1)</source>
        <translation>已发送；Flagger 将在下次检查时执行（间隔 %1）</translation>
    </message>
</context>
<context>
    <name>FlaggerAnalysisModel</name>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>None: Flagger promotes without checks</source>
        <translation>无：Flagger 不做检查直接推进</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>%1 (primary %2-primary)</source>
        <translation>%1（主版本 %2-primary）</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Flagger&apos;s mesh provider</source>
        <translation>Flagger 的网格提供方</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Autoscaler</source>
        <translation>自动扩缩器</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>On deletion</source>
        <translation>删除时</translation>
    </message>
    <message>
        <source>The target is reverted (revertOnDeletion)</source>
        <translation>还原目标（revertOnDeletion）</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Canary weights: %1</source>
        <translation>金丝雀权重：%1</translation>
    </message>
    <message>
        <source>Ready thresholds</source>
        <translation>就绪阈值</translation>
    </message>
    <message>
        <source>primary %1% · canary %2%</source>
        <translation>主版本 %1% · 金丝雀 %2%</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>From the deprecated spec.canaryAnalysis</source>
        <translation>来自已弃用的 spec.canaryAnalysis</translation>
    </message>
    <message>
        <source>Metrics (%1)</source>
        <translation>指标（%1）</translation>
    </message>
    <message>
        <source>Called on every analysis interval; a failure counts as a failed check</source>
        <translation>每个分析间隔调用一次；失败计为一次检查失败</translation>
    </message>
    <message>
        <source>Called before traffic reaches the canary; a failure counts as a failed check</source>
        <translation>在流量到达金丝雀之前调用；失败计为一次检查失败</translation>
    </message>
    <message>
        <source>Called after the promotion or the rollback; its result is only logged</source>
        <translation>在推进或回滚之后调用；其结果只记录到日志</translation>
    </message>
    <message>
        <source>Gate: the canary waits (phase Waiting) until this URL answers 2xx</source>
        <translation>门禁：金丝雀等待（阶段 Waiting），直到此 URL 返回 2xx</translation>
    </message>
    <message>
        <source>Gate: each weight increase waits until this URL answers 2xx</source>
        <translation>门禁：每次提高权重前都等待，直到此 URL 返回 2xx</translation>
    </message>
    <message>
        <source>Gate: the promotion waits (phase WaitingPromotion) until this URL answers 2xx</source>
        <translation>门禁：推进等待（阶段 WaitingPromotion），直到此 URL 返回 2xx</translation>
    </message>
    <message>
        <source>Polled during the analysis: a 2xx answer rolls the canary back</source>
        <translation>分析期间轮询：返回 2xx 即回滚金丝雀</translation>
    </message>
    <message>
        <source>Told of every event Flagger records for this canary</source>
        <translation>接收 Flagger 为该金丝雀记录的每个事件</translation>
    </message>
    <message>
        <source>Webhooks (%1)</source>
        <translation>Webhook（%1）</translation>
    </message>
    <message>
        <source>timeout %1</source>
        <translation>超时 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n retries</source>
        <translation>
            <numerusform>重试 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>alerts muted</source>
        <translation>告警已静音</translation>
    </message>
    <message>
        <source>TLS verification off</source>
        <translation>已关闭 TLS 校验</translation>
    </message>
    <message>
        <source>metadata: %1</source>
        <translation>metadata：%1</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>告警（%1）</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
</context>
<context>
    <name>FlaggerAnalysisText</name>
    <message>
        <source>Canary with traffic mirroring</source>
        <translation>金丝雀（带流量镜像）</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>Blue/green with traffic mirroring</source>
        <translation>蓝绿（带流量镜像）</translation>
    </message>
    <message>
        <source>Blue/green</source>
        <translation>蓝绿</translation>
    </message>
    <message>
        <source>A/B testing</source>
        <translation>A/B 测试</translation>
    </message>
    <message>
        <source>Every %1 (default)</source>
        <translation>每 %1 一次（默认）</translation>
    </message>
    <message>
        <source>Every %1 (&quot;%2&quot; is not a duration)</source>
        <translation>每 %1 一次（“%2”不是有效时长）</translation>
    </message>
    <message>
        <source>Every %1 (%2 is below Flagger&apos;s minimum)</source>
        <translation>每 %1 一次（%2 低于 Flagger 的最小值）</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>每 %1 一次</translation>
    </message>
    <message>
        <source>Rolls back at the first failed check (default)</source>
        <translation>首次检查失败即回滚（默认）</translation>
    </message>
    <message>
        <source>Rolls back at the first failed check</source>
        <translation>首次检查失败即回滚</translation>
    </message>
    <message numerus="yes">
        <source>Rolls back after %n failed checks</source>
        <translation>
            <numerusform>检查失败 %n 次后回滚</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress deadline %1</source>
        <translation>进度期限 %1</translation>
    </message>
    <message>
        <source>Progress deadline %1 (default)</source>
        <translation>进度期限 %1（默认）</translation>
    </message>
    <message>
        <source>No analysis: promoted without checks</source>
        <translation>无分析：不做检查直接推进</translation>
    </message>
    <message numerus="yes">
        <source>%n iterations with mirrored traffic, then all traffic switched</source>
        <translation>
            <numerusform>镜像流量下迭代 %n 次，然后切换全部流量</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n iterations, then all traffic switched</source>
        <translation>
            <numerusform>迭代 %n 次，然后切换全部流量</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n iterations on requests matching %1 conditions, then promote</source>
        <translation>
            <numerusform>对匹配 %1 个条件的请求迭代 %n 次，然后推进</numerusform>
        </translation>
    </message>
    <message>
        <source>No weight step set: the canary does not advance</source>
        <translation>未设置权重步长：金丝雀不会前进</translation>
    </message>
    <message>
        <source>%1, then promote in %2 steps</source>
        <translation>%1，然后以每步 %2 推进</translation>
    </message>
    <message>
        <source>%1, then promote</source>
        <translation>%1，然后推进</translation>
    </message>
    <message>
        <source>Mirrored traffic, then %1</source>
        <translation>先镜像流量，然后 %1</translation>
    </message>
    <message>
        <source>%1 between %2 and %3</source>
        <translation>%1 介于 %2 和 %3 之间</translation>
    </message>
    <message>
        <source>%1 ≥ %2</source>
        <translation>%1 ≥ %2</translation>
    </message>
    <message>
        <source>%1 ≤ %2</source>
        <translation>%1 ≤ %2</translation>
    </message>
    <message>
        <source>%1 (no threshold)</source>
        <translation>%1（无阈值）</translation>
    </message>
    <message>
        <source>%1 over %2</source>
        <translation>%1（统计窗口 %2）</translation>
    </message>
    <message>
        <source>%1 from template %2</source>
        <translation>%1，来自模板 %2</translation>
    </message>
    <message>
        <source>%1 (query)</source>
        <translation>%1（查询）</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <source>%1 (neither built-in, query nor template: Flagger fails it)</source>
        <translation>%1（既非内置，也无查询或模板：Flagger 会判其失败）</translation>
    </message>
    <message>
        <source>%1 gate</source>
        <translation>%1 门禁</translation>
    </message>
    <message>
        <source>rollout hook (every iteration)</source>
        <translation>rollout 钩子（每次迭代）</translation>
    </message>
    <message>
        <source>%1 hook</source>
        <translation>%1 钩子</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2) through %3</source>
        <translation>%1（%2），经由 %3</translation>
    </message>
</context>
<context>
    <name>FlaggerCanaryActionBar</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Flagger reconciles the canary again: its analysis goes on from where it was suspended.</source>
        <translation>Flagger 将重新协调该金丝雀：其分析从挂起的位置继续。</translation>
    </message>
    <message>
        <source>This opens the confirm-promotion gate of the canary&apos;s load tester: Flagger promotes the canary at its next check. The gate stays open until it is closed.</source>
        <translation>这会打开该金丝雀负载测试器的 confirm-promotion 门禁：Flagger 将在下次检查时推进该金丝雀。门禁会一直保持打开，直到被关闭。</translation>
    </message>
    <message>
        <source>This opens the rollback gate of the canary&apos;s load tester: at its next check Flagger routes all traffic back to the primary and scales the canary down. The gate stays open, and would roll back the next release too, until it is closed (Close gate).</source>
        <translation>这会打开该金丝雀负载测试器的回滚门禁：Flagger 将在下次检查时把全部流量路由回主版本，并缩容金丝雀。门禁会一直保持打开，在被关闭（“关闭门禁”）之前，下一次发布也会被回滚。</translation>
    </message>
    <message>
        <source>This closes the canary&apos;s gate (after a rollback, its rollback gate): Flagger waits at it again.</source>
        <translation>这会关闭该金丝雀的门禁（回滚之后则关闭其回滚门禁）：Flagger 将再次在门禁处等待。</translation>
    </message>
    <message>
        <source>Suspend Flagger canary %1 in %2?</source>
        <translation>挂起 %2 中的 Flagger 金丝雀 %1？</translation>
    </message>
    <message>
        <source>Resume Flagger canary %1 in %2?</source>
        <translation>恢复 %2 中的 Flagger 金丝雀 %1？</translation>
    </message>
    <message>
        <source>Open the promotion gate of Flagger canary %1 in %2?</source>
        <translation>打开 %2 中 Flagger 金丝雀 %1 的推进门禁？</translation>
    </message>
    <message>
        <source>Close the load tester&apos;s gate of Flagger canary %1 in %2?</source>
        <translation>关闭 %2 中 Flagger 金丝雀 %1 在负载测试器上的门禁？</translation>
    </message>
    <message>
        <source>Roll back Flagger canary %1 in %2?</source>
        <translation>回滚 %2 中的 Flagger 金丝雀 %1？</translation>
    </message>
</context>
<context>
    <name>FlaggerCanaryDetailController</name>
    <message>
        <source>Suspended.</source>
        <translation>已挂起。</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <source>Actions are not available yet</source>
        <translation>操作暂不可用</translation>
    </message>
    <message>
        <source>%1 is read-only: no actions are sent</source>
        <translation>%1 为只读：不会发送任何操作</translation>
    </message>
    <message>
        <source>%1 is not connected: actions are disabled</source>
        <translation>%1 未连接：操作已禁用</translation>
    </message>
    <message>
        <source>An action on this canary is on its way</source>
        <translation>针对该金丝雀的操作正在进行中</translation>
    </message>
    <message>
        <source>Set spec.suspend: Flagger stops reconciling the canary where it is</source>
        <translation>设置 spec.suspend：Flagger 在当前位置停止协调该金丝雀</translation>
    </message>
    <message>
        <source>Clear spec.suspend: Flagger goes on with the canary</source>
        <translation>清除 spec.suspend：Flagger 继续处理该金丝雀</translation>
    </message>
    <message>
        <source>Suspending…</source>
        <translation>正在挂起…</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Open the load tester&apos;s confirm-promotion gate: Flagger promotes the canary at its next check</source>
        <translation>打开负载测试器的 confirm-promotion 门禁：Flagger 将在下次检查时推进该金丝雀</translation>
    </message>
    <message>
        <source>Opening the promotion gate…</source>
        <translation>正在打开推进门禁…</translation>
    </message>
    <message>
        <source>Closing the gate…</source>
        <translation>正在关闭门禁…</translation>
    </message>
    <message>
        <source>Gate closed.</source>
        <translation>门禁已关闭。</translation>
    </message>
    <message>
        <source>Open the load tester&apos;s rollback gate: Flagger rolls the canary back at its next check</source>
        <translation>打开负载测试器的回滚门禁：Flagger 将在下次检查时回滚该金丝雀</translation>
    </message>
    <message>
        <source>Opening the rollback gate…</source>
        <translation>正在打开回滚门禁…</translation>
    </message>
    <message>
        <source>Promotion started: Flagger copies the canary&apos;s version to the primary.</source>
        <translation>推进已开始：Flagger 正在将金丝雀的版本复制到主版本。</translation>
    </message>
    <message>
        <source>Close the load tester&apos;s gate (after a rollback, its rollback gate): Flagger waits at it again</source>
        <translation>关闭负载测试器的门禁（回滚之后则关闭其回滚门禁）：Flagger 将再次在门禁处等待</translation>
    </message>
    <message>
        <source>Rolled back. The rollback gate stays open and would roll back the next release too: close it (Close gate) before the next one.</source>
        <translation>已回滚。回滚门禁仍保持打开，下一次发布也会被回滚：请在下一次发布前关闭它（“关闭门禁”）。</translation>
    </message>
    <message>
        <source>You may not %1 in namespace %2.</source>
        <translation>你无权在命名空间 %2 中执行 %1。</translation>
    </message>
</context>
<context>
    <name>FlaggerCanaryDetailView</name>
    <message numerus="yes">
        <source>Primary and canary (%n pods)</source>
        <translation>
            <numerusform>主版本与金丝雀（%n 个 Pod）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Analysis (%n metrics)</source>
        <translation>
            <numerusform>分析（%n 个指标）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlaggerCanaryHeader</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>provider %1</source>
        <translation>提供方 %1</translation>
    </message>
    <message>
        <source>target %1 %2</source>
        <translation>目标 %1 %2</translation>
    </message>
    <message>
        <source>Stale since %1: %2 is not connected, so this is the last known state.</source>
        <translation>自 %1 起数据已过时：%2 未连接，这里显示的是最后已知的状态。</translation>
    </message>
    <message>
        <source>Flagger has not set a phase yet</source>
        <translation>Flagger 尚未设置阶段</translation>
    </message>
    <message>
        <source>Flagger phase: %1</source>
        <translation>Flagger 阶段：%1</translation>
    </message>
    <message>
        <source>Canary weight %1% of %2% max</source>
        <translation>金丝雀权重 %1%（最大 %2%）</translation>
    </message>
    <message>
        <source>weights %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <source>Iteration %1 of %2</source>
        <translation>第 %1 次迭代（共 %2 次）</translation>
    </message>
    <message>
        <source>Failed checks: reset by the rollback (threshold %1)</source>
        <translation>失败的检查：已因回滚而清零（阈值 %1）</translation>
    </message>
    <message>
        <source>Failed checks: %1 of %2</source>
        <translation>失败的检查：%1/%2</translation>
    </message>
    <message>
        <source>No Flagger phase yet</source>
        <translation>尚无 Flagger 阶段</translation>
    </message>
    <message>
        <source>Flagger phase %1</source>
        <translation>Flagger 阶段 %1</translation>
    </message>
    <message>
        <source>%1 since %2 (%3 ago)</source>
        <translation>%1，自 %2 起（%3 前）</translation>
    </message>
    <message>
        <source>Suspended: Flagger does not reconcile this canary (spec.suspend)</source>
        <translation>已挂起：Flagger 不再协调该金丝雀（spec.suspend）</translation>
    </message>
    <message>
        <source>Analysis skipped: a new revision is promoted without checks (spec.skipAnalysis)</source>
        <translation>跳过分析：新修订版本将不做检查直接推进（spec.skipAnalysis）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>(%1 ago)</source>
        <translation>（%1 前）</translation>
    </message>
    <message>
        <source>Canary at the max weight %1% while it waits for promotion (Flagger&apos;s status says 0 in this phase)</source>
        <translation>金丝雀在等待推进期间保持最大权重 %1%（Flagger 的状态在此阶段显示为 0）</translation>
    </message>
</context>
<context>
    <name>FlaggerCharts</name>
    <message>
        <source>%1: the MetricTemplate %2/%3 was not found.</source>
        <translation>%1：找不到 MetricTemplate %2/%3。</translation>
    </message>
    <message>
        <source>%1: the MetricTemplate %2/%3 asks %4, and the dashboard reads Prometheus only.</source>
        <translation>%1：MetricTemplate %2/%3 查询的是 %4，而仪表盘只读取 Prometheus。</translation>
    </message>
    <message>
        <source>Flagger&apos;s MetricTemplate %1/%2</source>
        <translation>Flagger 的 MetricTemplate %1/%2</translation>
    </message>
    <message>
        <source>%1: the canary names no provider, so its query is the one of Flagger&apos;s mesh provider setting, which the dashboard cannot see.</source>
        <translation>%1：该金丝雀未指定提供方，因此其查询取决于 Flagger 的网格提供方设置，而仪表盘无法看到该设置。</translation>
    </message>
    <message>
        <source>%1: the dashboard does not know the query Flagger runs for the %2 provider, or it cannot tell the primary from the canary.</source>
        <translation>%1：仪表盘不知道 Flagger 针对 %2 提供方执行的查询，或者无法区分主版本和金丝雀。</translation>
    </message>
    <message>
        <source>Flagger&apos;s built-in %1 metric for %2</source>
        <translation>Flagger 针对 %2 的内置指标 %1</translation>
    </message>
    <message>
        <source>The metric&apos;s own query</source>
        <translation>该指标自身的查询</translation>
    </message>
    <message>
        <source>%1: neither a built-in metric, a query nor a MetricTemplate.</source>
        <translation>%1：既不是内置指标，也没有查询或 MetricTemplate。</translation>
    </message>
    <message>
        <source>%1: the query cannot be rendered: %2</source>
        <translation>%1：无法渲染该查询：%2</translation>
    </message>
    <message>
        <source>%1: the rendered query still holds &quot;{{&quot;: %2</source>
        <translation>%1：渲染后的查询中仍含有“{{”：%2</translation>
    </message>
    <message>
        <source>%1: the MetricTemplate %2/%3 could not be read.</source>
        <translation>%1：无法读取 MetricTemplate %2/%3。</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>主版本</translation>
    </message>
</context>
<context>
    <name>FlaggerChartsController</name>
    <message>
        <source>Nothing to chart for this canary.</source>
        <translation>此金丝雀没有可绘制的图表。</translation>
    </message>
    <message numerus="yes">
        <source>Charts (%n)</source>
        <translation>
            <numerusform>图表（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the MetricTemplates the canary names…</source>
        <translation>正在读取该金丝雀引用的 MetricTemplate…</translation>
    </message>
    <message>
        <source>MetricTemplate %1: %2</source>
        <translation>MetricTemplate %1：%2</translation>
    </message>
    <message>
        <source>Metrics are turned off for environment %1 (prometheus: false in the configuration).</source>
        <translation>环境 %1 已关闭指标（配置中为 prometheus: false）。</translation>
    </message>
</context>
<context>
    <name>FlaggerDecoder</name>
    <message>
        <source>longer than %1 bytes: cut</source>
        <translation>超过 %1 字节：已截断</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>应为数字</translation>
    </message>
</context>
<context>
    <name>FlaggerDeploymentSection</name>
    <message>
        <source>Made by Flagger from the target: serves the stable version to all users outside an analysis</source>
        <translation>由 Flagger 根据目标创建：在分析之外向所有用户提供稳定版本</translation>
    </message>
    <message>
        <source>The Deployment you deploy to: Flagger scales it up to analyse a new version and back to zero after the promotion</source>
        <translation>你部署到的 Deployment：Flagger 扩容它以分析新版本，推进完成后再缩容到零</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主版本</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>Not made yet: Flagger creates it while initializing the canary</source>
        <translation>尚未创建：Flagger 在初始化金丝雀时创建它</translation>
    </message>
    <message>
        <source>Deployment %1 is not in the cluster</source>
        <translation>集群中没有 Deployment %1</translation>
    </message>
    <message>
        <source>%1 desired</source>
        <translation>期望 %1</translation>
    </message>
    <message>
        <source>%1 ready</source>
        <translation>就绪 %1</translation>
    </message>
    <message>
        <source>%1 available</source>
        <translation>可用 %1</translation>
    </message>
    <message>
        <source>Images: %1</source>
        <translation>镜像：%1</translation>
    </message>
    <message>
        <source>scaled to zero until the next revision</source>
        <translation>已缩容到零，直到下一个修订版本</translation>
    </message>
</context>
<context>
    <name>FlaggerGateEndpoint</name>
    <message>
        <source>the URL is longer than %1 characters</source>
        <translation>URL 超过 %1 个字符</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL</source>
        <translation>“%1”不是 URL</translation>
    </message>
    <message>
        <source>the scheme %1 is not http or https</source>
        <translation>协议 %1 不是 http 或 https</translation>
    </message>
    <message>
        <source>the URL carries user credentials</source>
        <translation>URL 中带有用户凭据</translation>
    </message>
    <message>
        <source>the URL has no host</source>
        <translation>URL 没有主机</translation>
    </message>
    <message>
        <source>%1 is an IP address, not a service in the cluster</source>
        <translation>%1 是 IP 地址，而不是集群中的服务</translation>
    </message>
    <message>
        <source>%1 names no namespace: Flagger resolves it in its own namespace, which the dashboard cannot know (write %1.&lt;namespace&gt;)</source>
        <translation>%1 未指定命名空间：Flagger 会在它自己的命名空间中解析该名称，而仪表盘无法得知该命名空间（请写成 %1.&lt;namespace&gt;）</translation>
    </message>
    <message>
        <source>%1 is not a service in the cluster (expected name.namespace, name.namespace.svc or name.namespace.svc.cluster.local)</source>
        <translation>%1 不是集群中的服务（应为 name.namespace、name.namespace.svc 或 name.namespace.svc.cluster.local）</translation>
    </message>
</context>
<context>
    <name>FlaggerQueryTemplate</name>
    <message>
        <source>map has no entry for key &quot;%1&quot; (templateVariables)</source>
        <translation>map 中没有键“%1”（templateVariables）</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; is not defined</source>
        <translation>未定义函数“%1”</translation>
    </message>
    <message>
        <source>&quot;{{ %1 }}&quot; is more than the dashboard renders (a function of the canary or a template variable)</source>
        <translation>“{{ %1 }}”超出了仪表盘能渲染的范围（仅支持金丝雀的函数或模板变量）</translation>
    </message>
    <message>
        <source>unclosed action: &quot;{{&quot; without &quot;}}&quot;</source>
        <translation>未闭合的动作：“{{”缺少对应的“}}”</translation>
    </message>
</context>
<context>
    <name>FlaggerStatus</name>
    <message>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>waiting for the confirm-rollout gate</source>
        <translation>等待 confirm-rollout 门禁</translation>
    </message>
    <message>
        <source>waiting for the confirm-promotion gate</source>
        <translation>等待 confirm-promotion 门禁</translation>
    </message>
    <message>
        <source>Waiting for Flagger to initialize the canary</source>
        <translation>等待 Flagger 初始化金丝雀</translation>
    </message>
    <message>
        <source>Initializing: creating the primary</source>
        <translation>正在初始化：正在创建主版本</translation>
    </message>
    <message>
        <source>Promoting: copying the canary&apos;s spec to the primary</source>
        <translation>正在推进：正在将金丝雀的规格复制到主版本</translation>
    </message>
    <message>
        <source>Finalising: routing all traffic to the primary</source>
        <translation>正在收尾：正在将全部流量路由到主版本</translation>
    </message>
    <message>
        <source>Terminating: reverting the target before deletion</source>
        <translation>正在终止：删除前正在还原目标</translation>
    </message>
    <message>
        <source>Unknown Flagger phase &quot;%1&quot;</source>
        <translation>未知的 Flagger 阶段“%1”</translation>
    </message>
    <message>
        <source>Canary weight %1%</source>
        <translation>金丝雀权重 %1%</translation>
    </message>
    <message>
        <source>Iteration %1 of %2</source>
        <translation>第 %1 次迭代（共 %2 次）</translation>
    </message>
    <message>
        <source>%1 of %2 failed checks</source>
        <translation>失败的检查 %1/%2</translation>
    </message>
    <message>
        <source>analysis skipped</source>
        <translation>已跳过分析</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>已回滚</translation>
    </message>
    <message>
        <source>Rolled back after the first failed check</source>
        <translation>首次检查失败后已回滚</translation>
    </message>
    <message numerus="yes">
        <source>Rolled back after %n failed checks</source>
        <translation>
            <numerusform>检查失败 %n 次后已回滚</numerusform>
        </translation>
    </message>
    <message>
        <source>Suspended: Flagger does not reconcile this canary</source>
        <translation>已挂起：Flagger 不再协调该金丝雀</translation>
    </message>
    <message>
        <source>Waiting for rollout approval</source>
        <translation>等待发布批准</translation>
    </message>
    <message>
        <source>Waiting for promotion approval</source>
        <translation>等待推进批准</translation>
    </message>
    <message>
        <source>Promoted</source>
        <translation>已推进</translation>
    </message>
    <message>
        <source>Initialized: the primary runs, no new revision yet</source>
        <translation>已初始化：主版本在运行，尚无新修订版本</translation>
    </message>
    <message>
        <source>Terminated: the target was reverted</source>
        <translation>已终止：目标已还原</translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>已降级</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>phase — message</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>desired weight/actual weight</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1/%2 ready · %3 updated · %4 available</source>
        <translation>%1/%2 就绪 · %3 已更新 · %4 可用</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>Blue-green</source>
        <translation>蓝绿</translation>
    </message>
    <message>
        <source>Rolling update</source>
        <translation>滚动更新</translation>
    </message>
    <message>
        <source>Recreate</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>Needs attention: waiting for a person</source>
        <translation>需要关注：等待人工处理</translation>
    </message>
    <message>
        <source>Needs attention: failed or aborted</source>
        <translation>需要关注：失败或已中止</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>stale since …, situation</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Stale since %1</source>
        <translation>自 %1 起未更新</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>current step/steps</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Step %1 (kubectl argo rollouts: %2 done)</source>
        <translation>第 %1 步（kubectl argo rollouts：已完成 %2）</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>门禁</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>✕ %1 of %2</source>
        <translation>✕ %1/%2</translation>
    </message>
    <message>
        <source>! error</source>
        <translation>! 错误</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>? %1</source>
        <translation>? %1</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Out of sync</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>正在终止</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>↻ Terminating</source>
        <translation>↻ 正在终止</translation>
    </message>
    <message>
        <source>↻ Syncing</source>
        <translation>↻ 正在同步</translation>
    </message>
    <message>
        <source>✕ Sync failed</source>
        <translation>✕ 同步失败</translation>
    </message>
    <message>
        <source>✓ Synced</source>
        <translation>✓ 已同步</translation>
    </message>
    <message>
        <source>⟳ Out of sync</source>
        <translation>⟳ 未同步</translation>
    </message>
    <message>
        <source>… not compared yet</source>
        <translation>… 尚未比较</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>sync state · Argo CD health</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Argo CD&apos;s health covers all of the application&apos;s resources as of its last refresh; the Status column is this %1&apos;s own, live.</source>
        <translation>Argo CD 的健康状况涵盖该应用的全部资源，以其上次刷新时为准；“状态”列显示的是此 %1 自身的实时状态。</translation>
    </message>
    <message>
        <source>Argo CD calls a paused %1 Suspended: the same pause the Status column shows.</source>
        <translation>Argo CD 将已暂停的 %1 称为“已挂起”：与“状态”列显示的是同一次暂停。</translation>
    </message>
    <message>
        <source>Argo CD application %1 (%2, project %3)</source>
        <translation>Argo CD 应用 %1（%2，项目 %3）</translation>
    </message>
    <message>
        <source>Sync: not compared yet</source>
        <translation>同步：尚未比较</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>同步：%1</translation>
    </message>
    <message>
        <source>Target revision %1</source>
        <translation>目标修订版本 %1</translation>
    </message>
    <message>
        <source>Revision %1 (target %2)</source>
        <translation>修订版本 %1（目标：%2）</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>健康状况：%1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Last operation: %1</source>
        <translation>上次操作：%1</translation>
    </message>
    <message>
        <source>auto-sync</source>
        <translation>自动同步</translation>
    </message>
    <message>
        <source>%1, started by %2</source>
        <translation>%1，由 %2 发起</translation>
    </message>
    <message>
        <source>The application is being deleted.</source>
        <translation>该应用正在被删除。</translation>
    </message>
    <message>
        <source>Linked by its annotation %1</source>
        <translation>通过其注解 %1 关联</translation>
    </message>
    <message>
        <source>Linked by its label %1</source>
        <translation>通过其标签 %1 关联</translation>
    </message>
    <message>
        <source>Argo CD</source>
        <translation>Argo CD</translation>
    </message>
    <message>
        <source>%1 · not live</source>
        <translation>%1 · 非实时</translation>
    </message>
    <message>
        <source>Argo CD %1 cannot be reached: %2
What follows is what it said last.

%3</source>
        <translation>无法连接 Argo CD %1：%2
以下是它最后一次报告的内容。

%3</translation>
    </message>
    <message>
        <source>Safety nets</source>
        <translation>安全网</translation>
    </message>
    <message>
        <source>Read %1, %2; not read again since</source>
        <translation>读取于 %1（%2）；此后未再读取</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>读取于 %1</translation>
    </message>
    <message>
        <source>Canary (Flagger)</source>
        <translation>金丝雀（Flagger）</translation>
    </message>
    <message>
        <source>Blue-green (Flagger)</source>
        <translation>蓝绿（Flagger）</translation>
    </message>
    <message>
        <source>A/B testing (Flagger)</source>
        <translation>A/B 测试（Flagger）</translation>
    </message>
    <message>
        <source>Canary with mirroring (Flagger)</source>
        <translation>金丝雀带镜像（Flagger）</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n resources out of sync</source>
        <translation>
            <numerusform>%1，%n 个资源未同步</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetSession</name>
    <message>
        <source>Environments not saved</source>
        <translation>环境未保存</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1</source>
        <translation>无法创建 %1 所在的文件夹</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>De&amp;mo</source>
        <translation>演示(&amp;M)</translation>
    </message>
    <message>
        <source>Cluster %1 Unreachable</source>
        <translation>集群 %1 不可达</translation>
    </message>
    <message>
        <source>%1 of your kubeconfig reach %2: each cluster is shown once, through one context. Choose which, and save the choice.</source>
        <comment>%1: the contexts, %2: the clusters</comment>
        <translation>你的 kubeconfig 中有 %1 指向 %2：每个集群只通过其中一个上下文显示一次。请选择使用哪个上下文，并保存该选择。</translation>
    </message>
    <message numerus="yes">
        <source>%n contexts</source>
        <translation>
            <numerusform>%n 个上下文</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clusters</source>
        <translation>
            <numerusform>%n 个集群</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetSetup</name>
    <message>
        <source>The kubeconfig (%1) defines no contexts: there is no environment to show</source>
        <translation>kubeconfig（%1）中没有定义任何上下文：没有可显示的环境</translation>
    </message>
    <message>
        <source>unknown environment &apos;%1&apos; (environments: %2)</source>
        <translation>未知环境 &apos;%1&apos;（现有环境：%2）</translation>
    </message>
    <message>
        <source>context &apos;%1&apos; is not in the kubeconfig (contexts: %2)</source>
        <translation>上下文 &apos;%1&apos; 不在 kubeconfig 中（现有上下文：%2）</translation>
    </message>
</context>
<context>
    <name>FleetStore</name>
    <message>
        <source>Pods are not shown: listing pods in this environment is forbidden.</source>
        <translation>不显示 Pod：此环境禁止列出 Pod。</translation>
    </message>
    <message>
        <source>Pods are not shown: this environment does not serve pods.</source>
        <translation>不显示 Pod：此环境不提供 Pod。</translation>
    </message>
    <message>
        <source>Pods may be out of date: %1</source>
        <translation>Pod 信息可能已过时：%1</translation>
    </message>
    <message>
        <source>Analysis runs are not shown: listing analysis runs in this environment is forbidden.</source>
        <translation>不显示 AnalysisRun：此环境禁止列出 AnalysisRun。</translation>
    </message>
    <message>
        <source>Analysis runs are not shown: this environment does not serve AnalysisRuns.</source>
        <translation>不显示 AnalysisRun：此环境不提供 AnalysisRun。</translation>
    </message>
    <message>
        <source>Analysis runs may be out of date: %1</source>
        <translation>AnalysisRun 信息可能已过时：%1</translation>
    </message>
    <message>
        <source>Events are not shown: listing events in this environment is forbidden.</source>
        <translation>不显示事件：此环境禁止列出事件。</translation>
    </message>
    <message>
        <source>Events are not shown: this environment does not serve events.</source>
        <translation>不显示事件：此环境不提供事件。</translation>
    </message>
    <message>
        <source>Events may be out of date: %1</source>
        <translation>事件可能已过时：%1</translation>
    </message>
    <message>
        <source>Experiments are not shown: listing experiments in this environment is forbidden.</source>
        <translation>不显示实验：此环境禁止列出 Experiment。</translation>
    </message>
    <message>
        <source>Experiments are not shown: this environment does not serve Experiments.</source>
        <translation>不显示实验：此环境不提供 Experiment。</translation>
    </message>
    <message>
        <source>Experiments may be out of date: %1</source>
        <translation>实验信息可能已过时：%1</translation>
    </message>
    <message>
        <source>Analysis jobs are not shown: listing jobs in this environment is forbidden.</source>
        <translation>不显示分析 Job：此环境禁止列出 Job。</translation>
    </message>
    <message>
        <source>Analysis jobs are not shown: this environment does not serve Jobs.</source>
        <translation>不显示分析 Job：此环境不提供 Job。</translation>
    </message>
    <message>
        <source>Analysis jobs may be out of date: %1</source>
        <translation>分析 Job 信息可能已过时：%1</translation>
    </message>
    <message>
        <source>Flagger canaries are not shown: listing canaries in this environment is forbidden.</source>
        <translation>不显示 Flagger 金丝雀：此环境禁止列出 Canary。</translation>
    </message>
    <message>
        <source>Flagger canaries are not shown: this environment does not serve flagger.app Canaries (Flagger is not installed).</source>
        <translation>不显示 Flagger 金丝雀：此环境不提供 flagger.app 的 Canary（未安装 Flagger）。</translation>
    </message>
    <message>
        <source>Flagger canaries may be out of date: %1</source>
        <translation>Flagger 金丝雀信息可能已过时：%1</translation>
    </message>
</context>
<context>
    <name>FleetTableView</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>FleetTrayIcon</name>
    <message>
        <source>&amp;Show Window</source>
        <translation>显示窗口(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>通知(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Release Dashboard</source>
        <translation>Release Dashboard</translation>
    </message>
    <message>
        <source>No environment has data yet</source>
        <translation>尚无任何环境的数据</translation>
    </message>
    <message numerus="yes">
        <source>%n rolling out</source>
        <translation>
            <numerusform>%n 个正在发布</numerusform>
        </translation>
    </message>
    <message>
        <source>all healthy</source>
        <translation>全部健康</translation>
    </message>
    <message>
        <source>no workloads</source>
        <translation>没有工作负载</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>environment: state</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message>
        <source>There is no D-Bus session bus.</source>
        <translation>没有 D-Bus 会话总线。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Release Dashboard</source>
        <translation>Release Dashboard</translation>
    </message>
</context>
<context>
    <name>GateCommand</name>
    <message>
        <source>%1: rollout %2/%3 not found</source>
        <translation>%1：找不到发布 %2/%3</translation>
    </message>
    <message>
        <source>the canary is gone (promoted or aborted); its last judgement stands</source>
        <translation>金丝雀已不存在（已推进或已中止）；以它最后一次的判定结果为准</translation>
    </message>
    <message>
        <source>gate check: name the environment with --env or --context (environments: %1)</source>
        <translation>gate check：请用 --env 或 --context 指定环境（现有环境：%1）</translation>
    </message>
</context>
<context>
    <name>GateConfig</name>
    <message>
        <source>%1: &apos;%2&apos; is not a number</source>
        <translation>%1：&apos;%2&apos; 不是数字</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a percentage such as 10% (0% to 1000%)</source>
        <translation>%1：&apos;%2&apos; 不是百分比，例如 10%（范围为 0% 到 1000%）</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a duration from %3 to %4 (such as 30s, 10m, 1h)</source>
        <translation>%1：&apos;%2&apos; 不是 %3 到 %4 之间的时长（例如 30s、10m、1h）</translation>
    </message>
    <message>
        <source>%1: must be a mapping with maxIncrease or maxDecrease</source>
        <translation>%1：必须是包含 maxIncrease 或 maxDecrease 的映射</translation>
    </message>
    <message>
        <source>%1: needs maxIncrease or maxDecrease</source>
        <translation>%1：需要设置 maxIncrease 或 maxDecrease</translation>
    </message>
    <message>
        <source>%1.min: %2 is above max %3</source>
        <translation>%1.min：%2 大于 max %3</translation>
    </message>
    <message>
        <source>%1: needs a bound: max, min or relative</source>
        <translation>%1：需要设置阈值：max、min 或 relative</translation>
    </message>
    <message>
        <source>NAMESPACE/NAME workloads</source>
        <translation>工作负载（NAMESPACE/NAME 形式）</translation>
    </message>
    <message>
        <source>%1[%2]: &apos;%3&apos; is not of the form NAMESPACE/NAME</source>
        <translation>%1[%2]：&apos;%3&apos; 不是 NAMESPACE/NAME 形式</translation>
    </message>
    <message>
        <source>%1: must be a whole number from 1 to %2 (the points in the window at the step)</source>
        <translation>%1：必须是 1 到 %2 之间的整数（按步长计算的时间窗口内的数据点数）</translation>
    </message>
    <message>
        <source>%1: must be a mapping with &apos;name&apos; and &apos;query&apos;</source>
        <translation>%1：必须是包含 &apos;name&apos; 和 &apos;query&apos; 的映射</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is missing</source>
        <translation>%1：缺少 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: the step is longer than the window</source>
        <translation>%1：步长大于时间窗口</translation>
    </message>
    <message>
        <source>environment names</source>
        <translation>环境名称</translation>
    </message>
    <message>
        <source>gates: must be a list of gates</source>
        <translation>gates：必须是门禁列表</translation>
    </message>
    <message>
        <source>%1.name: &apos;%2&apos; is already the name of another gate</source>
        <translation>%1.name：&apos;%2&apos; 已是另一个门禁的名称</translation>
    </message>
</context>
<context>
    <name>GateController</name>
    <message>
        <source>No canary: gates are judged while a new revision is rolled out.</source>
        <translation>没有金丝雀：门禁在新修订版本发布期间进行判定。</translation>
    </message>
    <message>
        <source>Aborted: gates are judged while the canary runs.</source>
        <translation>已中止：门禁在金丝雀运行期间进行判定。</translation>
    </message>
    <message>
        <source>Not judged yet: gates are judged every %1 while a canary runs.</source>
        <translation>尚未判定：金丝雀运行期间每 %1 判定一次门禁。</translation>
    </message>
    <message>
        <source>gate &apos;%1&apos; failed: %2</source>
        <translation>门禁“%1”未通过：%2</translation>
    </message>
</context>
<context>
    <name>GateEvaluator</name>
    <message>
        <source>no canary to judge: one revision runs</source>
        <translation>没有可判定的金丝雀：只有一个修订版本在运行</translation>
    </message>
    <message>
        <source>metrics are turned off for environment %1</source>
        <translation>环境 %1 已关闭指标</translation>
    </message>
</context>
<context>
    <name>GateJudge</name>
    <message>
        <source>the %1 query failed: %2</source>
        <translation>%1查询失败：%2</translation>
    </message>
    <message>
        <source>the %1 query returned %2 series; a gate needs one (aggregate it with sum, avg or max)</source>
        <translation>%1查询返回了 %2 条序列；门禁只需要一条（请用 sum、avg 或 max 聚合）</translation>
    </message>
    <message>
        <source>canary %1 is above the maximum %2</source>
        <translation>金丝雀 %1 高于最大值 %2</translation>
    </message>
    <message>
        <source>canary %1 is below the minimum %2</source>
        <translation>金丝雀 %1 低于最小值 %2</translation>
    </message>
    <message>
        <source>canary %1 is above stable 0 (at most %2 more allowed)</source>
        <translation>金丝雀 %1 高于稳定版本的 0（最多允许高出 %2）</translation>
    </message>
    <message>
        <source>canary %1 is %2 above stable %3 (at most %4 allowed)</source>
        <translation>金丝雀 %1 比稳定版本 %3 高 %2（最多允许 %4）</translation>
    </message>
    <message>
        <source>canary %1 is below stable 0 (at most %2 less allowed)</source>
        <translation>金丝雀 %1 低于稳定版本的 0（最多允许低 %2）</translation>
    </message>
    <message>
        <source>canary %1 is %2 below stable %3 (at most %4 allowed)</source>
        <translation>金丝雀 %1 比稳定版本 %3 低 %2（最多允许 %4）</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>min %1</source>
        <translation>最小 %1</translation>
    </message>
    <message>
        <source>stable + %1</source>
        <translation>稳定版本 + %1</translation>
    </message>
    <message>
        <source>stable − %1</source>
        <translation>稳定版本 − %1</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>稳定版本</translation>
    </message>
    <message numerus="yes">
        <source>too little data: %1 of the %n points the canary needs in the last %2 had a value</source>
        <translation>
            <numerusform>数据不足：最近 %2 内金丝雀所需的 %n 个数据点中只有 %1 个有值</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>too little data: %1 of the %n points the stable needs in the last %2 had a value</source>
        <translation>
            <numerusform>数据不足：最近 %2 内稳定版本所需的 %n 个数据点中只有 %1 个有值</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>canary %1 is within %2 (mean of %n points over %3)</source>
        <translation>
            <numerusform>金丝雀 %1 在 %2 之内（%3 内 %n 个数据点的平均值）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GateOutcomes</name>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>无定论</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>未通过</translation>
    </message>
</context>
<context>
    <name>GateReportFormat</name>
    <message>
        <source>no value</source>
        <translation>无值</translation>
    </message>
    <message>
        <source> (worst %1)</source>
        <translation>（最差 %1）</translation>
    </message>
    <message>
        <source>, stable %1</source>
        <translation>，稳定版本 %1</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 于 %2：%3</translation>
    </message>
    <message>
        <source>  no canary: one revision runs (stable %1)
</source>
        <translation>  没有金丝雀：只有一个修订版本在运行（稳定版本 %1）
</translation>
    </message>
    <message>
        <source>  canary %1, stable %2
</source>
        <translation>  金丝雀 %1，稳定版本 %2
</translation>
    </message>
    <message>
        <source>  no gate applies to this rollout
</source>
        <translation>  没有适用于该发布的门禁
</translation>
    </message>
    <message>
        <source>      value %1; bound %2
</source>
        <translation>      值 %1；阈值 %2
</translation>
    </message>
    <message>
        <source>quality gates of %1</source>
        <translation>%1 的质量门禁</translation>
    </message>
</context>
<context>
    <name>GatesModel</name>
    <message>
        <source>Query as sent:
%1</source>
        <translation>实际发送的查询：
%1</translation>
    </message>
    <message>
        <source>Canary query as sent:
%1

Stable query as sent:
%2</source>
        <translation>实际发送的金丝雀查询：
%1

实际发送的稳定版本查询：
%2</translation>
    </message>
    <message>
        <source>canary ±0 %</source>
        <translation>金丝雀 ±0%</translation>
    </message>
    <message>
        <source>canary %1%2 %</source>
        <translation>金丝雀 %1%2%</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>时间窗口 %1</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>门禁</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>稳定版本</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The canary&apos;s mean over the gate&apos;s window (analysis: the latest measurement), and its worst point</source>
        <translation>金丝雀在门禁时间窗口内的均值（分析：最近一次测量），以及最差的数据点</translation>
    </message>
    <message>
        <source>Relative gates: the stable&apos;s mean over the same window, and how far the canary is from it</source>
        <translation>相对门禁：稳定版本在同一时间窗口内的均值，以及金丝雀与它的差距</translation>
    </message>
    <message>
        <source>The points that had a value in the window (analysis: the measurements)</source>
        <translation>时间窗口内有值的数据点（分析：测量次数）</translation>
    </message>
    <message>
        <source>analysis %1</source>
        <translation>分析 %1</translation>
    </message>
    <message>
        <source>analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>config</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>A metric of an AnalysisRun of the canary&apos;s revision, judged by the run&apos;s own conditions and limits</source>
        <translation>金丝雀修订版本的 AnalysisRun 中的一个指标，按该 AnalysisRun 自身的条件和限制判定</translation>
    </message>
    <message>
        <source>A gate of the config file, judged on Prometheus range queries</source>
        <translation>配置文件中的门禁，基于 Prometheus 范围查询判定</translation>
    </message>
    <message>
        <source>worst %1</source>
        <translation>最差 %1</translation>
    </message>
    <message>
        <source>The latest measurement: %1</source>
        <translation>最近一次测量：%1</translation>
    </message>
    <message>
        <source>The canary&apos;s mean over the window: %1</source>
        <translation>金丝雀在时间窗口内的均值：%1</translation>
    </message>
    <message>
        <source>Its worst point: %1</source>
        <translation>最差的数据点：%1</translation>
    </message>
    <message>
        <source>%1 (worst %2)</source>
        <translation>%1（最差 %2）</translation>
    </message>
    <message>
        <source>The stable&apos;s mean over the window: %1 (%2)</source>
        <translation>稳定版本在时间窗口内的均值：%1（%2）</translation>
    </message>
    <message>
        <source>Stable query as sent:
%1</source>
        <translation>实际发送的稳定版本查询：
%1</translation>
    </message>
    <message>
        <source>One point every %1</source>
        <translation>每 %1 一个数据点</translation>
    </message>
    <message>
        <source>Stable: %1</source>
        <translation>稳定版本：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n points with a value</source>
        <translation>
            <numerusform>%n 个有值的数据点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurements</source>
        <translation>
            <numerusform>%n 次测量</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n points</source>
        <translation>
            <numerusform>%n 个数据点中的 %1 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatesTreeView</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy Query</source>
        <translation>复制查询</translation>
    </message>
    <message>
        <source>Copy Stable Query</source>
        <translation>复制稳定版本查询</translation>
    </message>
    <message>
        <source>Copy Row</source>
        <translation>复制行</translation>
    </message>
</context>
<context>
    <name>GatesView</name>
    <message>
        <source>Gates: %1 — the one gate passed</source>
        <translation>门禁：%1 — 唯一的门禁已通过</translation>
    </message>
    <message>
        <source>Gates: %1 — all %2 passed</source>
        <translation>门禁：%1 — 全部 %2 个均已通过</translation>
    </message>
    <message>
        <source>%1 of %2 failed</source>
        <translation>%2 个中 %1 个未通过</translation>
    </message>
    <message>
        <source>%1 of %2 could not be judged</source>
        <translation>%2 个中 %1 个无法判定</translation>
    </message>
    <message>
        <source>%1 of %2 inconclusive</source>
        <translation>%2 个中 %1 个无定论</translation>
    </message>
    <message>
        <source>%1 not judged</source>
        <translation>%1 个未判定</translation>
    </message>
    <message>
        <source>%1 inconclusive</source>
        <translation>%1 个无定论</translation>
    </message>
    <message>
        <source>Gates: %1 — %2</source>
        <translation>门禁：%1 — %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>gates:
  - name: error ratio
    query: &gt;-
      sum(rate(http_requests_total{code=~&quot;5..&quot;,pod=~&quot;{{pod_regex}}&quot;}[1m]))
      / sum(rate(http_requests_total{pod=~&quot;{{pod_regex}}&quot;}[1m]))
    max: 0.02</source>
        <extracomment>The YAML keys (gates, name, query, max) must stay as they are.</extracomment>
        <translation>gates:
  - name: 错误率
    query: &gt;-
      sum(rate(http_requests_total{code=~&quot;5..&quot;,pod=~&quot;{{pod_regex}}&quot;}[1m]))
      / sum(rate(http_requests_total{pod=~&quot;{{pod_regex}}&quot;}[1m]))
    max: 0.02</translation>
    </message>
    <message>
        <source>A gate is a PromQL query with a bound, judged on the canary&apos;s pods (and, for a relative bound, on the stable&apos;s), for example:</source>
        <translation>门禁是一条带阈值的 PromQL 查询，针对金丝雀的 Pod 判定（若为相对阈值，还针对稳定版本的 Pod），例如：</translation>
    </message>
    <message>
        <source>The config file is described in docs/cli.md, “Environments config”; an AnalysisTemplate&apos;s metrics are listed here as they are measured.</source>
        <translation>配置文件的说明见 docs/cli.md 的“Environments config”一节；AnalysisTemplate 的指标会在测量时列在这里。</translation>
    </message>
    <message>
        <source>Not evaluated yet: gates are judged every %1 while a canary runs</source>
        <translation>尚未评估：金丝雀运行期间每 %1 判定一次门禁</translation>
    </message>
    <message>
        <source>No canary: gates are judged while a new revision is rolled out</source>
        <translation>没有金丝雀：门禁在新修订版本发布期间进行判定</translation>
    </message>
    <message>
        <source>Gates that will be judged: %1</source>
        <translation>将要判定的门禁：%1</translation>
    </message>
    <message>
        <source>No gates apply to this rollout: add &lt;code&gt;gates:&lt;/code&gt; to the config file or use an AnalysisTemplate</source>
        <translation>没有适用于该发布的门禁：请在配置文件中添加 &lt;code&gt;gates:&lt;/code&gt;，或使用 AnalysisTemplate</translation>
    </message>
    <message>
        <source>Canary %1 against stable %2</source>
        <translation>金丝雀 %1 对比稳定版本 %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>evaluated %1 at %2 · judged every %3</source>
        <translation>%1（%2）评估 · 每 %3 判定一次</translation>
    </message>
    <message>
        <source>No newer judgement since %1: the gates may not be judged any more (metrics unreachable, or the canary gone)</source>
        <translation>自 %1 起没有新的判定结果：门禁可能已不再判定（指标不可达，或金丝雀已不存在）</translation>
    </message>
</context>
<context>
    <name>GetCommand</name>
    <message>
        <source>%1: rollout &quot;%2&quot; not found in namespace &quot;%3&quot;</source>
        <translation>%1：在命名空间 &quot;%3&quot; 中找不到发布 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>No rollouts found in %1.</source>
        <translation>在 %1 中没有找到发布。</translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation>%1：警告：%2</translation>
    </message>
</context>
<context>
    <name>GitOpsGuard</name>
    <message>
        <source>Argo CD application %1 manages this rollout and leaves this alone: it only sets spec.paused, which Argo CD does not compare unless your Git manifests set it; %1 stays Synced.</source>
        <translation>Argo CD 应用 %1 管理此发布，但不会干预此操作：该操作只设置 spec.paused，除非你的 Git 清单设置了该字段，否则 Argo CD 不会比较它；%1 仍为 Synced。</translation>
    </message>
    <message>
        <source>Argo CD application %1 manages this rollout and leaves this alone: it changes the Rollout&apos;s status (and at most spec.paused), which Argo CD does not compare with Git; %1 stays Synced.</source>
        <translation>Argo CD 应用 %1 管理此发布，但不会干预此操作：该操作更改的是 Rollout 的 status（至多还有 spec.paused），Argo CD 不会将其与 Git 比较；%1 仍为 Synced。</translation>
    </message>
    <message>
        <source>Argo CD application %1 manages this rollout and leaves this alone: it sets spec.restartAt, which your Git manifests do not set; %1 stays Synced.</source>
        <translation>Argo CD 应用 %1 管理此发布，但不会干预此操作：该操作设置 spec.restartAt，而你的 Git 清单没有设置该字段；%1 仍为 Synced。</translation>
    </message>
    <message>
        <source>Argo CD will revert this: application %1 syncs automatically with self-heal, so at its next sync (usually within minutes) it puts Git&apos;s pod template back and the rollout rolls forward again. To roll back for good, revert the change in Git, or turn off auto-sync in Argo CD first.</source>
        <translation>Argo CD 会撤销此操作：应用 %1 开启了带自愈的自动同步，因此在下次同步时（通常在几分钟内）会恢复 Git 中的 Pod 模板，该发布会再次前滚。要永久回滚，请在 Git 中还原该变更，或先在 Argo CD 中关闭自动同步。</translation>
    </message>
    <message>
        <source>Argo CD application %1 will show OutOfSync: its auto-sync has no self-heal, so it does not revert this, but the next Git change it syncs replaces this pod template. Revert the change in Git to make the rollback last.</source>
        <translation>Argo CD 应用 %1 将显示 OutOfSync：它的自动同步未开启自愈，因此不会撤销此操作，但它同步的下一个 Git 变更会替换此 Pod 模板。请在 Git 中还原该变更，使回滚持久生效。</translation>
    </message>
    <message>
        <source>Argo CD application %1 will show OutOfSync (the pod template differs from Git); its next sync puts Git&apos;s template back. Revert the change in Git to make the rollback last.</source>
        <translation>Argo CD 应用 %1 将显示 OutOfSync（Pod 模板与 Git 不一致）；它下次同步时会恢复 Git 中的模板。请在 Git 中还原该变更，使回滚持久生效。</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>No release history yet at %1</source>
        <translation>%1 处尚无发布历史</translation>
    </message>
    <message>
        <source>No recorded release matches.</source>
        <translation>没有匹配的已记录发布。</translation>
    </message>
</context>
<context>
    <name>HistoryConfig</name>
    <message>
        <source>%1: must be a whole number from %2 to %3</source>
        <translation>%1：必须是 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>history: must be a mapping of retentionDays and maxSizeMB</source>
        <translation>history：必须是包含 retentionDays 和 maxSizeMB 的映射</translation>
    </message>
</context>
<context>
    <name>HistoryDatabase</name>
    <message>
        <source>The folder %1 for the release history could not be created; no history is recorded.</source>
        <translation>无法创建发布历史文件夹 %1；不会记录历史。</translation>
    </message>
    <message>
        <source>The release history at %1 was damaged and was moved to %2, but a new history could not be started: %3</source>
        <translation>位于 %1 的发布历史已损坏，已移动到 %2，但无法新建历史：%3</translation>
    </message>
    <message>
        <source>The release history at %1 was damaged and was moved to %2; a new history was started.</source>
        <translation>位于 %1 的发布历史已损坏，已移动到 %2；已新建历史。</translation>
    </message>
    <message>
        <source>The release history at %1 cannot use write-ahead logging (journal mode %2); no history is recorded.</source>
        <translation>位于 %1 的发布历史无法使用预写日志（WAL；当前日志模式为 %2）；不会记录历史。</translation>
    </message>
    <message>
        <source>The release history at %1 is locked by another program; no history is recorded.</source>
        <translation>位于 %1 的发布历史被另一个程序锁定；不会记录历史。</translation>
    </message>
    <message>
        <source>The release history at %1 cannot be opened (%2); no history is recorded.</source>
        <translation>无法打开位于 %1 的发布历史（%2）；不会记录历史。</translation>
    </message>
    <message>
        <source>The release history at %1 cannot be written (%2); no history is recorded.</source>
        <translation>无法写入位于 %1 的发布历史（%2）；不会记录历史。</translation>
    </message>
    <message>
        <source>The disk holding the release history at %1 is full; no history is recorded.</source>
        <translation>存放发布历史 %1 的磁盘已满；不会记录历史。</translation>
    </message>
    <message>
        <source>The release history at %1 cannot be used (%2); no history is recorded.</source>
        <translation>无法使用位于 %1 的发布历史（%2）；不会记录历史。</translation>
    </message>
    <message>
        <source>The release history at %1 was written by a newer version of Release Dashboard (schema %2; this version knows schema %3 and older). It was left unchanged and no history is recorded.</source>
        <translation>位于 %1 的发布历史由更新版本的 Release Dashboard 写入（schema %2；此版本只支持 schema %3 及更早的版本）。该文件保持不变，不会记录历史。</translation>
    </message>
    <message>
        <source>The release history at %1 is damaged and could not be moved aside (%2); no history is recorded.</source>
        <translation>位于 %1 的发布历史已损坏，且无法将其移开（%2）；不会记录历史。</translation>
    </message>
    <message>
        <source>The release history at %1 was damaged and was moved to %2, but %3 could not be moved (%4); no history is recorded.</source>
        <translation>位于 %1 的发布历史已损坏，已移动到 %2，但无法移动 %3（%4）；不会记录历史。</translation>
    </message>
</context>
<context>
    <name>HistoryPrinter</name>
    <message>
        <source>partial</source>
        <translation>部分观察</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
</context>
<context>
    <name>HistoryReader</name>
    <message>
        <source>There is no release history at %1 yet.</source>
        <translation>%1 处尚无发布历史。</translation>
    </message>
    <message>
        <source>The release history at %1 cannot be read (%2).</source>
        <translation>无法读取位于 %1 的发布历史（%2）。</translation>
    </message>
    <message>
        <source>The release history at %1 has schema %2; this version reads schema %3.</source>
        <translation>位于 %1 的发布历史为 schema %2；此版本读取的是 schema %3。</translation>
    </message>
</context>
<context>
    <name>HistoryRecorderWorker</name>
    <message numerus="yes">
        <source>%n recorded rows could not be written and were given up.</source>
        <translation>
            <numerusform>%n 条记录的行无法写入，已放弃。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryWriter</name>
    <message>
        <source>The release history is not open; the batch was not recorded.</source>
        <translation>发布历史未打开；本批数据未记录。</translation>
    </message>
    <message>
        <source>The release history at %1 could not be prepared for writing (%2).</source>
        <translation>无法准备写入位于 %1 的发布历史（%2）。</translation>
    </message>
    <message>
        <source>The release history at %1 could not be updated (%2); the batch was not recorded.</source>
        <translation>无法更新位于 %1 的发布历史（%2）；本批数据未记录。</translation>
    </message>
    <message>
        <source>The release history is not open.</source>
        <translation>发布历史未打开。</translation>
    </message>
    <message>
        <source>Old releases could not be removed from the release history at %1 (%2).</source>
        <translation>无法从位于 %1 的发布历史中删除旧的发布（%2）。</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>The %1 header holds a line break or NUL character (a token or password file with several lines?): nothing was sent.</source>
        <translation>%1 请求头包含换行符或 NUL 字符（令牌或密码文件有多行？）：未发送任何请求。</translation>
    </message>
    <message>
        <source>The server sent more than %1 header lines: stopped</source>
        <translation>服务器发送了超过 %1 行响应头：已停止</translation>
    </message>
</context>
<context>
    <name>ImagesDelegate</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>JsonDecoder</name>
    <message numerus="yes">
        <source>... and %n more problem(s)</source>
        <translation>
            <numerusform>…… 以及另外 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>watch event without a type</source>
        <translation>watch 事件缺少 type</translation>
    </message>
    <message>
        <source>unknown watch event type &quot;%1&quot;</source>
        <translation>未知的 watch 事件类型 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>watch event without an object</source>
        <translation>watch 事件缺少 object</translation>
    </message>
    <message>
        <source>expected an integer</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>应为字符串</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>应为数组</translation>
    </message>
    <message>
        <source>expected an integer or a string</source>
        <translation>应为整数或字符串</translation>
    </message>
    <message>
        <source>integer out of range</source>
        <translation>整数超出范围</translation>
    </message>
    <message>
        <source>expected an RFC 3339 timestamp, got &quot;%1&quot;</source>
        <translation>应为 RFC 3339 时间戳，实际为 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>JsonRead</name>
    <message>
        <source>the response is too large to decode (%1 bytes)</source>
        <translation>响应过大，无法解码（%1 字节）</translation>
    </message>
    <message>
        <source>malformed JSON at byte %1: %2</source>
        <translation>JSON 格式错误，位于第 %1 字节：%2</translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <translation>JSON 格式错误：%1</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation>顶层应为 JSON 对象</translation>
    </message>
    <message>
        <source>the server returned an error instead of data: %1</source>
        <translation>服务器返回了错误而不是数据：%1</translation>
    </message>
    <message>
        <source>more than %1 entries; the rest are not shown</source>
        <translation>超过 %1 个条目；其余条目未显示</translation>
    </message>
</context>
<context>
    <name>KubeClient</name>
    <message>
        <source>The list response from %1 is not a JSON object with metadata</source>
        <translation>来自 %1 的列表响应不是带有 metadata 的 JSON 对象</translation>
    </message>
    <message>
        <source>The server repeated the same continue token for %1</source>
        <translation>服务器对 %1 重复返回了相同的 continue 令牌</translation>
    </message>
    <message>
        <source>The list of %1 did not end after %2 pages: the server keeps sending continue tokens</source>
        <translation>%1 的列表在 %2 页后仍未结束：服务器不断发送 continue 令牌</translation>
    </message>
    <message>
        <source>The list of %1 is larger than the limit of %2 MiB</source>
        <translation>%1 的列表超过了 %2 MiB 的上限</translation>
    </message>
</context>
<context>
    <name>Kubeconfig</name>
    <message>
        <source>cannot read %1 %2: %3</source>
        <translation>无法读取 %1 %2：%3</translation>
    </message>
    <message>
        <source>No context given and no current-context set in %1</source>
        <translation>未指定上下文，且 %1 中没有设置 current-context</translation>
    </message>
    <message>
        <source>Context &quot;%1&quot; not found in %2</source>
        <translation>在 %2 中找不到上下文 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no cluster given</source>
        <translation>未指定集群</translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot; not found</source>
        <translation>找不到集群 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>user &quot;%1&quot; not found</source>
        <translation>找不到用户 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>namespace &quot;%1&quot; is not a valid DNS label</source>
        <translation>命名空间 &quot;%1&quot; 不是有效的 DNS 标签</translation>
    </message>
    <message>
        <source>no server found</source>
        <translation>找不到 server</translation>
    </message>
    <message>
        <source>both certificate-authority and certificate-authority-data are given; the data is used</source>
        <translation>同时给出了 certificate-authority 和 certificate-authority-data；将使用后者的数据</translation>
    </message>
    <message>
        <source>certificate-authority and insecure-skip-tls-verify cannot both be set</source>
        <translation>certificate-authority 与 insecure-skip-tls-verify 不能同时设置</translation>
    </message>
    <message>
        <source>server &quot;%1&quot; is not an http or https URL</source>
        <translation>server &quot;%1&quot; 不是 http 或 https URL</translation>
    </message>
    <message>
        <source>proxy-url &quot;%1&quot; must be an http, https or socks5 URL</source>
        <translation>proxy-url &quot;%1&quot; 必须是 http、https 或 socks5 URL</translation>
    </message>
    <message>
        <source>command must be specified</source>
        <translation>必须指定 command</translation>
    </message>
    <message>
        <source>apiVersion must be specified</source>
        <translation>必须指定 apiVersion</translation>
    </message>
    <message>
        <source>invalid apiVersion &quot;%1&quot;; use %2 or %3</source>
        <translation>apiVersion &quot;%1&quot; 无效；请使用 %2 或 %3</translation>
    </message>
    <message>
        <source>env[%1] has no name</source>
        <translation>env[%1] 缺少 name</translation>
    </message>
    <message>
        <source>interactiveMode must be specified for %1</source>
        <translation>必须为 %1 指定 interactiveMode</translation>
    </message>
    <message>
        <source>invalid interactiveMode &quot;%1&quot;; use Never, IfAvailable or Always</source>
        <translation>interactiveMode &quot;%1&quot; 无效；请使用 Never、IfAvailable 或 Always</translation>
    </message>
    <message>
        <source>interactiveMode is Always, but this application cannot run an interactive plugin; log in with the plugin in a terminal first or set interactiveMode to IfAvailable</source>
        <translation>interactiveMode 为 Always，但本应用无法运行交互式插件；请先在终端中用该插件登录，或将 interactiveMode 设为 IfAvailable</translation>
    </message>
    <message>
        <source>auth-provider and exec cannot both be set</source>
        <translation>auth-provider 与 exec 不能同时设置</translation>
    </message>
    <message>
        <source>the auth-provider &quot;%1&quot; is not supported; use an exec credential plugin instead</source>
        <translation>不支持 auth-provider &quot;%1&quot;；请改用 exec 凭据插件</translation>
    </message>
    <message>
        <source>more than one authentication method found (token and basic auth); only one is allowed</source>
        <translation>发现多种认证方式（令牌和基本认证）；只允许使用一种</translation>
    </message>
    <message>
        <source>client-certificate given without client-key</source>
        <translation>给出了 client-certificate 但没有 client-key</translation>
    </message>
    <message>
        <source>client-key given without client-certificate</source>
        <translation>给出了 client-key 但没有 client-certificate</translation>
    </message>
    <message>
        <source>both client-certificate and client-certificate-data are given; the data is used</source>
        <translation>同时给出了 client-certificate 和 client-certificate-data；将使用后者的数据</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>%1: user &quot;%2&quot;: cannot read tokenFile %3: %4</source>
        <translation>%1：用户 &quot;%2&quot;：无法读取 tokenFile %3：%4</translation>
    </message>
    <message>
        <source>%1: the kubeconfig file does not exist</source>
        <translation>%1：kubeconfig 文件不存在</translation>
    </message>
    <message>
        <source>No kubeconfig found: %1 does not exist and KUBECONFIG is not set</source>
        <translation>找不到 kubeconfig：%1 不存在，且未设置 KUBECONFIG</translation>
    </message>
    <message>
        <source>%1: not a file</source>
        <translation>%1：不是文件</translation>
    </message>
    <message>
        <source>None of the files in KUBECONFIG exist: %1</source>
        <translation>KUBECONFIG 中的文件都不存在：%1</translation>
    </message>
    <message>
        <source>%1: %2 must be a string</source>
        <translation>%1：%2 必须是字符串</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false</source>
        <translation>%1：%2 必须是 true 或 false</translation>
    </message>
    <message>
        <source>%1: %2 is not valid base64</source>
        <translation>%1：%2 不是有效的 base64</translation>
    </message>
    <message>
        <source>%1: %2 must be a list of strings</source>
        <translation>%1：%2 必须是字符串列表</translation>
    </message>
    <message>
        <source>%1 must be a list</source>
        <translation>%1 必须是列表</translation>
    </message>
    <message>
        <source>%1 must be a map</source>
        <translation>%1 必须是映射</translation>
    </message>
    <message>
        <source>%1 has no name</source>
        <translation>%1 缺少 name</translation>
    </message>
    <message>
        <source>%1 is defined twice in this file</source>
        <translation>%1 在此文件中定义了两次</translation>
    </message>
    <message>
        <source>%1: %2 must be a map</source>
        <translation>%1：%2 必须是映射</translation>
    </message>
    <message>
        <source>%1: env must be a list</source>
        <translation>%1：env 必须是列表</translation>
    </message>
    <message>
        <source>%1 must be a map with name and value</source>
        <translation>%1 必须是包含 name 和 value 的映射</translation>
    </message>
    <message>
        <source>%1: auth-provider must be a map</source>
        <translation>%1：auth-provider 必须是映射</translation>
    </message>
    <message>
        <source>%1: auth-provider has no name</source>
        <translation>%1：auth-provider 缺少 name</translation>
    </message>
    <message>
        <source>%1: not a kubeconfig: the top level is not a map</source>
        <translation>%1：不是 kubeconfig：顶层不是映射</translation>
    </message>
    <message>
        <source>%1:%2:%3: invalid YAML: %4</source>
        <translation>%1:%2:%3：YAML 无效：%4</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2：%3</translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1：无法读取文件：%2</translation>
    </message>
    <message>
        <source>%1: larger than %2 MiB: not a kubeconfig</source>
        <translation>%1：大于 %2 MiB，不是 kubeconfig 文件</translation>
    </message>
</context>
<context>
    <name>LinkVariables</name>
    <message>
        <source>the rollout has no canary now.</source>
        <translation>该发布当前没有金丝雀。</translation>
    </message>
    <message>
        <source>the rollout has no stable ReplicaSet yet.</source>
        <translation>该发布还没有稳定版本的 ReplicaSet。</translation>
    </message>
    <message>
        <source>the start of the release is not known (no ReplicaSet of the current revision).</source>
        <translation>发布的开始时间未知（没有当前修订版本的 ReplicaSet）。</translation>
    </message>
    <message>
        <source>unknown variable {{%1}} (known: %2)</source>
        <translation>未知变量 {{%1}}（已知变量：%2）</translation>
    </message>
    <message>
        <source>Needs {{%1}}: %2</source>
        <translation>需要 {{%1}}：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid address</source>
        <translation>&apos;%1&apos; 不是有效的地址</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Release Dashboard</source>
        <translation>Release Dashboard</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <source>Only Rollouts That &amp;Need Attention</source>
        <translation>只看需要关注的发布(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>清除筛选条件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>List every environment anew</source>
        <translation>重新列出所有环境</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Release Dashboard</source>
        <translation>关于 Release Dashboard(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Workloads: %1</source>
        <translation>工作负载：%1</translation>
    </message>
    <message>
        <source>Workloads: %1 of %2 shown</source>
        <translation>工作负载：显示 %1 / 共 %2</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>需要关注：%1</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>&amp;Rollout</source>
        <translation>发布(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Audit Log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <source>Copy Row</source>
        <translation>复制行</translation>
    </message>
    <message>
        <source>&amp;Open Kubeconfig…</source>
        <translation>打开 kubeconfig(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Kubeconfig</source>
        <translation>打开 kubeconfig</translation>
    </message>
    <message>
        <source>Kubeconfig files (*config* *.yaml *.yml);;All files (*)</source>
        <translation>kubeconfig 文件 (*config* *.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose &amp;Environments…</source>
        <translation>选择环境(&amp;E)…</translation>
    </message>
    <message>
        <source>Start the &amp;Demo</source>
        <translation>启动演示(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Theme changed. A few colours follow on the next start.</source>
        <translation>主题已更改。部分颜色将在下次启动后生效。</translation>
    </message>
    <message>
        <source>&amp;Detail in Its Own Window</source>
        <translation>在单独窗口中显示详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Metrics in Their Own Window</source>
        <translation>在单独窗口中显示指标(&amp;M)</translation>
    </message>
    <message>
        <source>Choose Environments…</source>
        <translation>选择环境…</translation>
    </message>
    <message>
        <source>Rollout detail</source>
        <translation>发布详情</translation>
    </message>
    <message>
        <source>No workload matches the filters. View &gt; Clear Filters (%1) shows all %2.</source>
        <translation>没有符合筛选条件的工作负载。使用“视图 &gt; 清除筛选条件”（%1）可显示全部 %2 个。</translation>
    </message>
    <message>
        <source>Nothing matches “%1” in environment, namespace, name or image. View &gt; Clear Filters (%2) shows all %3.</source>
        <translation>环境、命名空间、名称或镜像中没有与“%1”匹配的内容。使用“视图 &gt; 清除筛选条件”（%2）可显示全部 %3 个。</translation>
    </message>
    <message>
        <source>No workloads listed yet.</source>
        <translation>尚未列出任何工作负载。</translation>
    </message>
    <message>
        <source>%1 (1 needs attention)</source>
        <translation>%1（1 个需要关注）</translation>
    </message>
    <message>
        <source>%1 (%2 need attention)</source>
        <translation>%1（%2 个需要关注）</translation>
    </message>
    <message>
        <source>%1 is hidden by the filter.
Nothing is shown or acted on until you select a row; clear the filter to see it again.</source>
        <translation>%1 已被筛选条件隐藏。
在你选择一行之前，不会显示任何内容，也不会执行任何操作；清除筛选条件即可再次看到它。</translation>
    </message>
    <message>
        <source>%1 is no longer in the cluster.</source>
        <translation>%1 已不在集群中。</translation>
    </message>
    <message>
        <source>%1 · not connected: %2</source>
        <translation>%1 · 未连接：%2</translation>
    </message>
    <message>
        <source>Re&amp;leases…</source>
        <translation>发布记录(&amp;L)…</translation>
    </message>
    <message>
        <source>Every recorded release: timelines, gates, actions, reports</source>
        <translation>所有已记录的发布：时间线、门禁、操作、报告</translation>
    </message>
    <message>
        <source>No gate applies to this rollout</source>
        <translation>没有适用于该发布的门禁</translation>
    </message>
    <message>
        <source>Every gate passed (%1 of %1)</source>
        <translation>所有门禁均已通过（%1/%1）</translation>
    </message>
    <message>
        <source>the dashboard (gate “%1” failed)</source>
        <translation>仪表盘（门禁“%1”未通过）</translation>
    </message>
    <message>
        <source>%1; pausing the rollout (onGateFail: pause)</source>
        <translation>%1；正在暂停该发布（onGateFail: pause）</translation>
    </message>
    <message>
        <source>pause after a failed gate</source>
        <translation>门禁未通过后的暂停</translation>
    </message>
    <message>
        <source>the dashboard could not pause it: %1</source>
        <translation>仪表盘无法暂停该发布：%1</translation>
    </message>
    <message>
        <source>%1/%2/%3: could not pause after a failed gate: %4</source>
        <translation>%1/%2/%3：门禁未通过后无法暂停：%4</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>通知(&amp;N)…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>notice title — text</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Applications (Argo CD)…</source>
        <translation>Argo CD 应用(&amp;A)…</translation>
    </message>
    <message>
        <source>Every Argo CD application of the fleet: sync, health, revision, history</source>
        <translation>集群组中的所有 Argo CD 应用：同步、健康状况、修订版本、历史记录</translation>
    </message>
    <message>
        <source>&amp;Promotion…</source>
        <translation>环境推进(&amp;P)…</translation>
    </message>
    <message>
        <source>Every workload across the environments: versions ahead and behind, stuck canaries</source>
        <translation>各环境中的所有工作负载：领先与落后的版本、卡住的金丝雀</translation>
    </message>
    <message>
        <source>the rollout&apos;s detail is not loaded yet.</source>
        <translation>该发布的详情尚未加载。</translation>
    </message>
    <message>
        <source>only a rollout has a canary and a release.</source>
        <translation>只有 Rollout 才有金丝雀和发布。</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>%1 · analysis</source>
        <translation>%1 · 分析</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>导出为 CSV…</translation>
    </message>
    <message>
        <source>Reset Range</source>
        <translation>重置范围</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>Export Chart Data</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>measurement %1: %2 (%3)</source>
        <translation>测量 %1：%2（%3）</translation>
    </message>
    <message>
        <source>resolution: %1</source>
        <translation>分辨率：%1</translation>
    </message>
</context>
<context>
    <name>MetricDescription</name>
    <message>
        <source>the result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>the result %1</source>
        <translation>结果 %1</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Failed when %1 · Successful when %2 · otherwise Inconclusive</source>
        <translation>满足 %1 时失败 · 满足 %2 时成功 · 否则无定论</translation>
    </message>
    <message>
        <source>Successful when %1 · otherwise Failed</source>
        <translation>满足 %1 时成功 · 否则失败</translation>
    </message>
    <message>
        <source>Failed when %1 · otherwise Successful</source>
        <translation>满足 %1 时失败 · 否则成功</translation>
    </message>
    <message>
        <source>None: the Job&apos;s outcome decides</source>
        <translation>无：由 Job 的结果决定</translation>
    </message>
    <message>
        <source>None: every measurement without an error is Successful</source>
        <translation>无：每次没有出错的测量都算成功</translation>
    </message>
    <message>
        <source>%1 %2 (default)</source>
        <translation>%1 %2（默认）</translation>
    </message>
    <message>
        <source>failureLimit %1 (disabled)</source>
        <translation>failureLimit %1（已禁用）</translation>
    </message>
    <message>
        <source>Failed measurements never fail the metric (failureLimit -1).</source>
        <translation>失败的测量永远不会使该指标失败（failureLimit -1）。</translation>
    </message>
    <message>
        <source>Failed when failed measurements exceed %1.</source>
        <translation>失败的测量超过 %1 次时为失败。</translation>
    </message>
    <message>
        <source>Inconclusive when inconclusive measurements exceed %1.</source>
        <translation>无定论的测量超过 %1 次时为无定论。</translation>
    </message>
    <message>
        <source>Error when consecutive errors exceed %1.</source>
        <translation>连续错误超过 %1 次时为错误。</translation>
    </message>
    <message>
        <source>Successful once %1 measurements in a row succeed.</source>
        <translation>连续 %1 次测量成功后即为成功。</translation>
    </message>
    <message>
        <source>An unset limit is Argo Rollouts&apos; default: failureLimit %1, inconclusiveLimit %2, consecutiveErrorLimit %3.</source>
        <translation>未设置的限制采用 Argo Rollouts 的默认值：failureLimit %1、inconclusiveLimit %2、consecutiveErrorLimit %3。</translation>
    </message>
    <message>
        <source>count %1</source>
        <translation>count %1</translation>
    </message>
    <message>
        <source>%1, every %2</source>
        <translation>%1，每 %2 一次</translation>
    </message>
    <message>
        <source>Every %1 until the run is terminated</source>
        <translation>每 %1 一次，直到运行被终止</translation>
    </message>
    <message>
        <source>%1, initial delay %2</source>
        <translation>%1，初始延迟 %2</translation>
    </message>
    <message>
        <source>Error without a message</source>
        <translation>错误（无消息）</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <source>No conditions: the Job succeeded</source>
        <translation>无条件：Job 已成功</translation>
    </message>
    <message>
        <source>No conditions: any result succeeds</source>
        <translation>无条件：任何结果都算成功</translation>
    </message>
    <message>
        <source>Did not meet failureCondition: %1</source>
        <translation>未满足 failureCondition：%1</translation>
    </message>
    <message>
        <source>Met successCondition: %1</source>
        <translation>满足 successCondition：%1</translation>
    </message>
    <message>
        <source>No conditions: the Job failed</source>
        <translation>无条件：Job 已失败</translation>
    </message>
    <message>
        <source>No conditions: the provider reported a failure</source>
        <translation>无条件：提供方报告了失败</translation>
    </message>
    <message>
        <source>Did not meet successCondition: %1</source>
        <translation>未满足 successCondition：%1</translation>
    </message>
    <message>
        <source>Met failureCondition: %1</source>
        <translation>满足 failureCondition：%1</translation>
    </message>
    <message>
        <source>No conditions: the provider reported it inconclusive</source>
        <translation>无条件：提供方报告为无定论</translation>
    </message>
    <message>
        <source>Neither condition decided</source>
        <translation>两个条件都未作出判定</translation>
    </message>
    <message>
        <source>Error: %1
Errors count towards consecutiveErrorLimit, not failureLimit.</source>
        <translation>错误：%1
错误计入 consecutiveErrorLimit，而不计入 failureLimit。</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无消息</translation>
    </message>
    <message>
        <source>Successful: %1 did not meet the failureCondition %2, and no successCondition is set.</source>
        <translation>成功：%1 未满足 failureCondition %2，且未设置 successCondition。</translation>
    </message>
    <message>
        <source>Successful: %1 met the successCondition %2.</source>
        <translation>成功：%1 满足 successCondition %2。</translation>
    </message>
    <message>
        <source>Failed: %1 did not meet the successCondition %2, and no failureCondition is set.</source>
        <translation>失败：%1 未满足 successCondition %2，且未设置 failureCondition。</translation>
    </message>
    <message>
        <source>Failed: %1 met the failureCondition %2 (it wins over any successCondition).</source>
        <translation>失败：%1 满足 failureCondition %2（它优先于任何 successCondition）。</translation>
    </message>
    <message>
        <source>Inconclusive: %1 met neither the successCondition %2 nor the failureCondition %3.</source>
        <translation>无定论：%1 既未满足 successCondition %2，也未满足 failureCondition %3。</translation>
    </message>
    <message>
        <source>Inconclusive: %1 was not decided by the conditions; the provider reported it inconclusive.</source>
        <translation>无定论：条件未能判定 %1；提供方报告为无定论。</translation>
    </message>
    <message>
        <source>Plugin %1</source>
        <translation>插件 %1</translation>
    </message>
    <message>
        <source>config keys %1</source>
        <translation>配置键 %1</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Canary config</source>
        <translation>金丝雀配置</translation>
    </message>
    <message>
        <source>Metric data queries</source>
        <translation>指标数据查询</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>查询</translation>
    </message>
    <message numerus="yes">
        <source>Successful once %n measurements in a row succeed.</source>
        <translation>
            <numerusform>连续 %n 次测量成功后即为成功。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurements</source>
        <translation>
            <numerusform>%n 次测量</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricQueryWorker</name>
    <message>
        <source>Unknown environment &apos;%1&apos;</source>
        <translation>未知环境 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>MetricsController</name>
    <message>
        <source>Select a rollout to see its metrics</source>
        <translation>选择一个发布，查看它的指标</translation>
    </message>
    <message>
        <source>Metrics are turned off for environment %1 (prometheus: false in the configuration).</source>
        <translation>环境 %1 已关闭指标（配置中为 prometheus: false）。</translation>
    </message>
    <message>
        <source>Nothing to chart for this rollout.</source>
        <translation>此发布没有可绘制的图表。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>No data in this range</source>
        <translation>此时间范围内没有数据</translation>
    </message>
    <message>
        <source>Prometheus warning: %1</source>
        <translation>Prometheus 警告：%1</translation>
    </message>
</context>
<context>
    <name>NetError</name>
    <message>
        <source>The server did not accept the credentials (HTTP %1)</source>
        <translation>服务器不接受所提供的凭据（HTTP %1）</translation>
    </message>
    <message>
        <source>Permission denied (HTTP %1)</source>
        <translation>权限不足（HTTP %1）</translation>
    </message>
    <message>
        <source>Not found (HTTP %1)</source>
        <translation>未找到（HTTP %1）</translation>
    </message>
    <message>
        <source>Conflict (HTTP %1)</source>
        <translation>冲突（HTTP %1）</translation>
    </message>
    <message>
        <source>The data expired on the server (HTTP %1)</source>
        <translation>服务器上的数据已过期（HTTP %1）</translation>
    </message>
    <message>
        <source>The server is busy (HTTP %1)</source>
        <translation>服务器繁忙（HTTP %1）</translation>
    </message>
    <message>
        <source>Server error (HTTP %1)</source>
        <translation>服务器错误（HTTP %1）</translation>
    </message>
    <message>
        <source>Request failed (HTTP %1)</source>
        <translation>请求失败（HTTP %1）</translation>
    </message>
    <message>
        <source>The server did not answer in time</source>
        <translation>服务器未及时响应</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>安全连接失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cannot reach the server</source>
        <translation>无法连接到服务器</translation>
    </message>
    <message>
        <source>The response is larger than the limit of %1 MiB</source>
        <translation>响应超过了 %1 MiB 的上限</translation>
    </message>
    <message>
        <source>The response is larger than the limit of %1 bytes</source>
        <translation>响应超过了 %1 字节的上限</translation>
    </message>
</context>
<context>
    <name>NoticeDetector</name>
    <message>
        <source>Gate %1 failed.</source>
        <translation>门禁“%1”未通过。</translation>
    </message>
    <message>
        <source>Gate %1 failed: %2</source>
        <translation>门禁“%1”未通过：%2</translation>
    </message>
    <message>
        <source>Aborted.</source>
        <translation>已中止。</translation>
    </message>
    <message>
        <source>Aborted at step %1 of %2.</source>
        <translation>已在第 %1 步（共 %2 步）中止。</translation>
    </message>
    <message>
        <source>Paused; only Resume moves it on.</source>
        <translation>已暂停；只有“恢复”才能让它继续。</translation>
    </message>
    <message>
        <source>Paused at step %1 of %2; only Resume moves it on.</source>
        <translation>已在第 %1 步（共 %2 步）暂停；只有“恢复”才能让它继续。</translation>
    </message>
    <message>
        <source>Revision %1 is stable and healthy.</source>
        <translation>修订版本 %1 已稳定且健康。</translation>
    </message>
    <message>
        <source>Analysis run %1 ended in an error.</source>
        <translation>AnalysisRun %1 以错误结束。</translation>
    </message>
    <message>
        <source>Analysis run %1 failed.</source>
        <translation>AnalysisRun %1 失败。</translation>
    </message>
    <message>
        <source>Promoted fully: the remaining steps are skipped.</source>
        <translation>已全量推进：剩余步骤已跳过。</translation>
    </message>
    <message>
        <source>Promoted: the new version is active.</source>
        <translation>已推进：新版本已生效。</translation>
    </message>
    <message>
        <source>Promoted past step %1 of %2.</source>
        <translation>已推进过第 %1 步（共 %2 步）。</translation>
    </message>
</context>
<context>
    <name>NoticeText</name>
    <message>
        <source>Analysis failed</source>
        <translation>分析失败</translation>
    </message>
    <message>
        <source>Rollout aborted</source>
        <translation>发布已中止</translation>
    </message>
    <message>
        <source>Paused by a person</source>
        <translation>被人工暂停</translation>
    </message>
    <message>
        <source>Promoted</source>
        <translation>已推进</translation>
    </message>
    <message>
        <source>Rollout finished</source>
        <translation>发布已完成</translation>
    </message>
    <message>
        <source>Gate failed</source>
        <translation>门禁未通过</translation>
    </message>
    <message>
        <source>%1: %2 / %3 / %4</source>
        <comment>kind: environment / namespace / rollout</comment>
        <translation>%1：%2 / %3 / %4</translation>
    </message>
</context>
<context>
    <name>NotificationSettingsDialog</name>
    <message>
        <source>&amp;Tell me about rollouts while I look elsewhere</source>
        <translation>在我查看其他内容时通知我发布动态(&amp;T)</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>A notification is shown when something happens while the window watches it live: what had happened before it started or reconnected is not announced. Choose what, per environment.</source>
        <translation>窗口实时监视期间发生的事情会以通知形式显示：窗口启动或重新连接之前发生的事情不会通知。请按环境选择要通知的内容。</translation>
    </message>
</context>
<context>
    <name>PastGateTarget</name>
    <message>
        <source>canary and stable at that time from the release history: %1 against %2</source>
        <translation>当时的金丝雀和稳定版本（来自发布历史）：%1 对比 %2</translation>
    </message>
    <message>
        <source>canary at that time from the release history: %1 (no stable recorded)</source>
        <translation>当时的金丝雀（来自发布历史）：%1（未记录稳定版本）</translation>
    </message>
    <message>
        <source>no release was in progress at that time (stable: %1)</source>
        <translation>当时没有进行中的发布（稳定版本：%1）</translation>
    </message>
</context>
<context>
    <name>PhaseStyle</name>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>已降级</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>PodListModel</name>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
</context>
<context>
    <name>PodRows</name>
    <message>
        <source>Node: %1</source>
        <translation>节点：%1</translation>
    </message>
    <message>
        <source>IP: %1</source>
        <translation>IP：%1</translation>
    </message>
    <message>
        <source>Last restart %1 ago</source>
        <translation>上次重启于 %1 前</translation>
    </message>
</context>
<context>
    <name>PromDecoder</name>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation>顶层应为 JSON 对象</translation>
    </message>
    <message>
        <source>malformed JSON at byte %1: %2</source>
        <translation>JSON 格式错误，位于第 %1 字节：%2</translation>
    </message>
    <message>
        <source>malformed JSON</source>
        <translation>JSON 格式错误</translation>
    </message>
    <message>
        <source>the body is not JSON</source>
        <translation>响应体不是 JSON</translation>
    </message>
    <message>
        <source>the body is not JSON: %1</source>
        <translation>响应体不是 JSON：%1</translation>
    </message>
    <message>
        <source>no &quot;status&quot; of success or error</source>
        <translation>没有值为 success 或 error 的 &quot;status&quot;</translation>
    </message>
    <message>
        <source>&quot;data&quot; is missing</source>
        <translation>缺少 &quot;data&quot;</translation>
    </message>
    <message>
        <source>out of memory while decoding the response</source>
        <translation>解码响应时内存不足</translation>
    </message>
    <message>
        <source>expected a time in seconds</source>
        <translation>应为以秒为单位的时间</translation>
    </message>
    <message>
        <source>expected [time, &quot;value&quot;]</source>
        <translation>应为 [time, &quot;value&quot;]</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>应为字符串</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; 不是数字</translation>
    </message>
    <message>
        <source>expected an object of labels</source>
        <translation>应为由标签组成的对象</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>应为数组</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>no &quot;values&quot;</source>
        <translation>缺少 &quot;values&quot;</translation>
    </message>
    <message>
        <source>no &quot;value&quot;</source>
        <translation>缺少 &quot;value&quot;</translation>
    </message>
    <message>
        <source>&quot;data&quot; is not an object</source>
        <translation>&quot;data&quot; 不是对象</translation>
    </message>
    <message>
        <source>&quot;data.resultType&quot; is missing</source>
        <translation>缺少 &quot;data.resultType&quot;</translation>
    </message>
    <message>
        <source>&quot;data.result&quot; is missing</source>
        <translation>缺少 &quot;data.result&quot;</translation>
    </message>
    <message>
        <source>unknown resultType &apos;%1&apos;</source>
        <translation>未知的 resultType &apos;%1&apos;</translation>
    </message>
    <message numerus="yes">
        <source>%n series with native histogram samples not shown</source>
        <translation>
            <numerusform>%n 个含原生直方图样本的序列未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;data&quot; is not an array</source>
        <translation>&quot;data&quot; 不是数组</translation>
    </message>
</context>
<context>
    <name>PromError</name>
    <message>
        <source>The query is not valid (HTTP %1)</source>
        <translation>查询无效（HTTP %1）</translation>
    </message>
    <message>
        <source>The query failed (HTTP %1)</source>
        <translation>查询失败（HTTP %1）</translation>
    </message>
    <message>
        <source>The query timed out on the server (HTTP %1)</source>
        <translation>查询在服务器上超时（HTTP %1）</translation>
    </message>
    <message>
        <source>The server cancelled the query (HTTP %1)</source>
        <translation>服务器取消了查询（HTTP %1）</translation>
    </message>
    <message>
        <source>Prometheus is unavailable (HTTP %1)</source>
        <translation>Prometheus 不可用（HTTP %1）</translation>
    </message>
    <message>
        <source>Prometheus reported an internal error (HTTP %1)</source>
        <translation>Prometheus 报告了内部错误（HTTP %1）</translation>
    </message>
    <message>
        <source>Not found (HTTP %1)</source>
        <translation>未找到（HTTP %1）</translation>
    </message>
    <message>
        <source>The server cannot answer in this format (HTTP %1)</source>
        <translation>服务器无法以此格式响应（HTTP %1）</translation>
    </message>
    <message>
        <source>Prometheus error &apos;%2&apos; (HTTP %1)</source>
        <translation>Prometheus 错误 &apos;%2&apos;（HTTP %1）</translation>
    </message>
    <message>
        <source>The server did not accept the credentials (HTTP %1)</source>
        <translation>服务器不接受所提供的凭据（HTTP %1）</translation>
    </message>
    <message>
        <source>Permission denied (HTTP %1)</source>
        <translation>权限不足（HTTP %1）</translation>
    </message>
    <message>
        <source>No Prometheus API at this address (HTTP %1); check url and pathPrefix</source>
        <translation>此地址上没有 Prometheus API（HTTP %1）；请检查 url 和 pathPrefix</translation>
    </message>
    <message>
        <source>Too many requests; the server asks to wait %1 s (HTTP %2)</source>
        <translation>请求过多；服务器要求等待 %1 秒（HTTP %2）</translation>
    </message>
    <message>
        <source>Too many requests (HTTP %1)</source>
        <translation>请求过多（HTTP %1）</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 instead of a Prometheus response</source>
        <translation>服务器返回了 HTTP %1，而不是 Prometheus 响应</translation>
    </message>
    <message>
        <source>The answer is not a Prometheus API response</source>
        <translation>该响应不是 Prometheus API 响应</translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <source>Metrics are turned off for this environment (prometheus: false)</source>
        <translation>此环境已关闭指标（prometheus: false）</translation>
    </message>
    <message>
        <source>Prometheus %1 needs the environment&apos;s cluster connection</source>
        <translation>Prometheus %1 需要使用该环境的集群连接</translation>
    </message>
</context>
<context>
    <name>PromotionConfig</name>
    <message>
        <source>%1: must be a mapping of ENVIRONMENT: NAMESPACE/NAME</source>
        <translation>%1：必须是 ENVIRONMENT: NAMESPACE/NAME 形式的映射</translation>
    </message>
    <message>
        <source>%1: an environment name is missing</source>
        <translation>%1：缺少环境名称</translation>
    </message>
    <message>
        <source>%1: duplicate environment</source>
        <translation>%1：重复的环境</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not of the form NAMESPACE/NAME</source>
        <translation>%1：&apos;%2&apos; 不是 NAMESPACE/NAME 形式</translation>
    </message>
    <message>
        <source>%1: %2 is already in %3</source>
        <translation>%1：%2 已在 %3 中</translation>
    </message>
    <message>
        <source>%1: must be a mapping with &apos;name&apos; and &apos;workloads&apos;</source>
        <translation>%1：必须是包含 &apos;name&apos; 和 &apos;workloads&apos; 的映射</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is missing</source>
        <translation>%1：缺少 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1.name: must be a non-empty string</source>
        <translation>%1.name：必须是非空字符串</translation>
    </message>
    <message>
        <source>%1.name: &apos;%2&apos; is already the name of %3</source>
        <translation>%1.name：&apos;%2&apos; 已是 %3 的名称</translation>
    </message>
    <message>
        <source>promotion: must be a mapping with a list of rows</source>
        <translation>promotion：必须是包含 rows 列表的映射</translation>
    </message>
    <message>
        <source>promotion.rows: must be a list of rows with a name and workloads</source>
        <translation>promotion.rows：必须是由包含 name 和 workloads 的行组成的列表</translation>
    </message>
</context>
<context>
    <name>PromotionDelegate</name>
    <message>
        <source>✓</source>
        <comment>Argo CD: synced</comment>
        <translation>✓</translation>
    </message>
    <message>
        <source>⟳</source>
        <comment>Argo CD: out of sync</comment>
        <translation>⟳</translation>
    </message>
    <message>
        <source>?</source>
        <comment>Argo CD: unknown</comment>
        <translation>?</translation>
    </message>
    <message>
        <source> → %1</source>
        <comment>the canary&apos;s version</comment>
        <translation> → %1</translation>
    </message>
    <message>
        <source>✕ %1</source>
        <comment>failed in an environment</comment>
        <translation>✕ %1</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <comment>passed in an environment</comment>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>? %1</source>
        <comment>no evidence in an environment</comment>
        <translation>? %1</translation>
    </message>
</context>
<context>
    <name>PromotionModel</name>
    <message>
        <source>—</source>
        <comment>not deployed here</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>%1 is not deployed in %2</source>
        <translation>%1 未部署在 %2 中</translation>
    </message>
    <message>
        <source>Argo CD application %1 in %2 (no workload of it in the fleet)</source>
        <translation>%2 中的 Argo CD 应用 %1（集群组中没有它的工作负载）</translation>
    </message>
    <message>
        <source>Revision: %1</source>
        <translation>修订版本：%1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>健康状况：%1</translation>
    </message>
    <message>
        <source>Argo CD: %1</source>
        <translation>Argo CD：%1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>版本：%1</translation>
    </message>
    <message>
        <source>Version: %1, canary %2</source>
        <translation>版本：%1，金丝雀 %2</translation>
    </message>
    <message>
        <source>Gates: %1</source>
        <translation>门禁：%1</translation>
    </message>
    <message>
        <source>Ahead of %1, which runs %2: not promoted there yet</source>
        <translation>领先于 %1（运行 %2）：尚未推进到该环境</translation>
    </message>
    <message>
        <source>Behind %1, which runs %2</source>
        <translation>落后于 %1（运行 %2）</translation>
    </message>
    <message>
        <source>Evidence from %1</source>
        <translation>来自 %1 的证据</translation>
    </message>
    <message>
        <source>%1 %2/%3 in %4</source>
        <comment>kind namespace/name in environment</comment>
        <translation>%4 中的 %1 %2/%3</translation>
    </message>
</context>
<context>
    <name>PromotionWindow</name>
    <message>
        <source>Promotion — Release Dashboard</source>
        <translation>环境推进 — Release Dashboard</translation>
    </message>
    <message>
        <source>▶ ahead of the next environment</source>
        <translation>▶ 领先于下一个环境</translation>
    </message>
    <message>
        <source>blue: behind the previous one</source>
        <translation>蓝色：落后于上一个环境</translation>
    </message>
    <message>
        <source>red: failed or aborted</source>
        <translation>红色：失败或已中止</translation>
    </message>
    <message>
        <source>amber: waiting for a person</source>
        <translation>琥珀色：等待人工处理</translation>
    </message>
    <message>
        <source>Each cell: the version (→ the canary&apos;s while one runs), Argo CD&apos;s ✓ synced or ⟳ out of sync, the status and the gates; a canary&apos;s ✓, ✕ or ? and an environment: whether its version passed its load tests and chaos experiments there, failed them, or has none. %1 · %2 · %3 · %4. Double-click or Enter opens it.</source>
        <translation>每个单元格：版本（有金丝雀运行时为 → 金丝雀的版本）、Argo CD 的 ✓ 已同步或 ⟳ 未同步、状态和门禁；金丝雀旁的 ✓、✕ 或 ? 加环境名：其版本在该环境的负载测试和混沌实验是通过、未通过，还是没有。%1 · %2 · %3 · %4。双击或按 Enter 打开。</translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>正在重试</translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>无权访问</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>configuration error</source>
        <translation>配置错误</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>recording stopped</source>
        <translation>记录已停止</translation>
    </message>
    <message>
        <source>the last recorded changes could not be written</source>
        <translation>最后记录的变更无法写入</translation>
    </message>
    <message numerus="yes">
        <source>recording %n environments (%1) into %2</source>
        <translation>
            <numerusform>正在将 %n 个环境（%1）记录到 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleaseCharts</name>
    <message>
        <source>%1 by %2</source>
        <translation>%1（操作者：%2）</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>%1 (recorded)</source>
        <translation>%1（记录值）</translation>
    </message>
    <message>
        <source>What analysis metric %1 measured during the release, as recorded then</source>
        <translation>分析指标 %1 在本次发布期间的测量值（当时记录的数据）</translation>
    </message>
    <message>
        <source>rev %1</source>
        <translation>修订版本 %1</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>已推进</translation>
    </message>
</context>
<context>
    <name>ReleaseCompare</name>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 h %2 min %3 s</source>
        <translation>%1 小时 %2 分 %3 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>±0 s</source>
        <translation>±0 秒</translation>
    </message>
</context>
<context>
    <name>ReleaseFilterBar</name>
    <message>
        <source>All environments</source>
        <translation>所有环境</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>所有命名空间</translation>
    </message>
    <message>
        <source>Workload name contains…</source>
        <translation>工作负载名称包含…</translation>
    </message>
    <message>
        <source>Show only %1 releases (combine several; none shows all)</source>
        <translation>只显示结果为“%1”的发布（可多选；都不选则显示全部）</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>When the releases started</source>
        <translation>发布的开始时间</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>from</source>
        <comment>started from &lt;date&gt;</comment>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <comment>started ... to &lt;date&gt;</comment>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>ReleaseGates</name>
    <message>
        <source>no value</source>
        <translation>无值</translation>
    </message>
    <message>
        <source>%1 (stable %2)</source>
        <translation>%1（稳定版本 %2）</translation>
    </message>
    <message>
        <source>analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>config</source>
        <translation>配置</translation>
    </message>
</context>
<context>
    <name>ReleaseHistoryQueries</name>
    <message>
        <source>No release has been recorded yet (%1).</source>
        <translation>尚未记录任何发布（%1）。</translation>
    </message>
</context>
<context>
    <name>ReleaseListModel</name>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Promoted</source>
        <translation>已推进</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>partially observed</source>
        <translation>仅部分观察到</translation>
    </message>
    <message>
        <source>workload deleted</source>
        <translation>工作负载已删除</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between notes</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>Ended %1</source>
        <translation>结束于 %1</translation>
    </message>
    <message>
        <source>Not finished yet</source>
        <translation>尚未结束</translation>
    </message>
    <message>
        <source>Started before the dashboard was watching; first observed %1. Earlier steps are what the cluster still held.</source>
        <translation>在仪表盘开始监视之前已开始；于 %1 首次观察到。更早的步骤来自集群当时仍保留的数据。</translation>
    </message>
    <message>
        <source>The workload was deleted %1.</source>
        <translation>工作负载已于 %1 删除。</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ReleaseMetricsController</name>
    <message>
        <source>Pick a release to chart its metrics.</source>
        <translation>选择一次发布，查看它的指标图表。</translation>
    </message>
    <message>
        <source>Environment %1 is not in the fleet this window watches, so no Prometheus can be asked about %2; the measurements the analysis recorded are shown instead.</source>
        <translation>环境 %1 不在此窗口监视的集群组中，因此无法向 Prometheus 查询 %2 的数据；改为显示分析记录的测量结果。</translation>
    </message>
    <message>
        <source>Metrics are turned off for environment %1 (prometheus: false in the configuration); the measurements the analysis recorded during %2 are shown instead.</source>
        <translation>环境 %1 已关闭指标（配置中为 prometheus: false）；改为显示分析在 %2 期间记录的测量结果。</translation>
    </message>
    <message>
        <source>Prometheus could not answer for %1 (%2); the measurements the analysis recorded are shown instead.</source>
        <translation>Prometheus 无法返回 %1 的数据（%2）；改为显示分析记录的测量结果。</translation>
    </message>
    <message>
        <source>Prometheus no longer has data for %1; the measurements the analysis recorded are shown instead.</source>
        <translation>Prometheus 已不再保留 %1 的数据；改为显示分析记录的测量结果。</translation>
    </message>
    <message>
        <source>The analysis recorded no numeric measurements for this release.</source>
        <translation>分析没有为本次发布记录任何数值型测量结果。</translation>
    </message>
    <message>
        <source>Nothing to chart for this release.</source>
        <translation>本次发布没有可绘制的图表。</translation>
    </message>
    <message>
        <source>%1 – %2 UTC</source>
        <translation>%1 – %2 UTC</translation>
    </message>
</context>
<context>
    <name>ReleaseRecording</name>
    <message>
        <source>No release history this session: %1</source>
        <translation>本次会话不记录发布历史：%1</translation>
    </message>
    <message>
        <source>The release history could not be written: %1</source>
        <translation>无法写入发布历史：%1</translation>
    </message>
</context>
<context>
    <name>ReleaseReport</name>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>已推进</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>未知（观察到）</translation>
    </message>
    <message>
        <source>no step</source>
        <translation>无步骤</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>Release report: %1 revision %2 in %3</source>
        <translation>发布报告：%3 中 %1 的修订版本 %2</translation>
    </message>
    <message>
        <source>(unnamed workload)</source>
        <translation>（未命名的工作负载）</translation>
    </message>
    <message>
        <source>(no environment)</source>
        <translation>（无环境）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>(none recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未结束</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>unknown (not finished)</source>
        <translation>未知（尚未结束）</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Partially observed: the dashboard first saw this release at %1; what came before is what the cluster still held then.</source>
        <translation>仅部分观察到：仪表盘于 %1 首次看到本次发布；此前的内容来自集群当时仍保留的数据。</translation>
    </message>
    <message>
        <source>The workload was deleted at %1.</source>
        <translation>工作负载已于 %1 删除。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Desired weight</source>
        <translation>期望权重</translation>
    </message>
    <message>
        <source>Actual weight</source>
        <translation>实际权重</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>No transitions were recorded.</source>
        <translation>未记录任何状态变化。</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>(after the last step)</source>
        <translation>（最后一步之后）</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>未到达</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>No steps were recorded.</source>
        <translation>未记录任何步骤。</translation>
    </message>
    <message>
        <source>Analysis run</source>
        <translation>AnalysisRun</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Analysis (gates)</source>
        <translation>分析（门禁）</translation>
    </message>
    <message>
        <source>No analysis runs were recorded.</source>
        <translation>未记录任何 AnalysisRun。</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>测量结果</translation>
    </message>
    <message>
        <source>No measurements were recorded.</source>
        <translation>未记录任何测量结果。</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Success condition</source>
        <translation>成功条件</translation>
    </message>
    <message>
        <source>Failure condition</source>
        <translation>失败条件</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>No actions were recorded.</source>
        <translation>未记录任何操作。</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>No events were recorded.</source>
        <translation>未记录任何事件。</translation>
    </message>
    <message>
        <source>Comparison with the previous release</source>
        <translation>与上一次发布的对比</translation>
    </message>
    <message>
        <source>Compared with revision %1, started %2 (%3).</source>
        <translation>对比对象为修订版本 %1，开始于 %2（%3）。</translation>
    </message>
    <message>
        <source>Time per step</source>
        <translation>各步骤耗时</translation>
    </message>
    <message>
        <source>Neither release recorded steps.</source>
        <translation>两次发布都没有记录步骤。</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Neither release recorded measurements.</source>
        <translation>两次发布都没有记录测量结果。</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>对比项</translation>
    </message>
    <message>
        <source>This release (revision %1)</source>
        <translation>本次发布（修订版本 %1）</translation>
    </message>
    <message>
        <source>Previous (revision %1)</source>
        <translation>上一次（修订版本 %1）</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Failed or errored measurements</source>
        <translation>失败或出错的测量</translation>
    </message>
    <message>
        <source>Warning events</source>
        <translation>警告事件</translation>
    </message>
    <message>
        <source>This release</source>
        <translation>本次发布</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一次</translation>
    </message>
    <message>
        <source>Mean (this)</source>
        <translation>平均值（本次）</translation>
    </message>
    <message>
        <source>Last (this)</source>
        <translation>最后值（本次）</translation>
    </message>
    <message>
        <source>Mean (previous)</source>
        <translation>平均值（上一次）</translation>
    </message>
    <message>
        <source>Last (previous)</source>
        <translation>最后值（上一次）</translation>
    </message>
    <message>
        <source>Measurements (this / previous)</source>
        <translation>测量次数（本次 / 上一次）</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>门禁</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Worst outcome</source>
        <translation>最差结果</translation>
    </message>
    <message>
        <source>First failed</source>
        <translation>首次未通过</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>最后一次的值</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Quality gates</source>
        <translation>质量门禁</translation>
    </message>
    <message>
        <source>No quality gate evaluations were recorded.</source>
        <translation>未记录任何质量门禁评估。</translation>
    </message>
    <message>
        <source>The live evaluations of each gate on this release&apos;s canary: every change of a gate&apos;s outcome was recorded, and otherwise one evaluation a minute.</source>
        <translation>本次发布的金丝雀上每个门禁的实时评估：门禁结果的每次变化都有记录，其余时间每分钟记录一次评估。</translation>
    </message>
</context>
<context>
    <name>ReleaseReportPdf</name>
    <message>
        <source>Cannot write the release report to %1: %2</source>
        <translation>无法将发布报告写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the release report to %1: the PDF could not be started.</source>
        <translation>无法将发布报告写入 %1：无法开始生成 PDF。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Release Dashboard</source>
        <translation>Release Dashboard</translation>
    </message>
</context>
<context>
    <name>ReleaseSafetyNetsReport</name>
    <message>
        <source>Safety nets</source>
        <translation>安全网</translation>
    </message>
    <message>
        <source>No safety nets were recorded.</source>
        <translation>未记录任何安全网。</translation>
    </message>
    <message>
        <source>What the canary brought compared with the stable version, as last read at %1.</source>
        <translation>与稳定版本相比，金丝雀带来的变化（最后读取于 %1）。</translation>
    </message>
    <message>
        <source>Vulnerabilities the canary added</source>
        <translation>金丝雀新增的漏洞</translation>
    </message>
    <message>
        <source>Policy failures new with the canary</source>
        <translation>金丝雀新增的策略未通过项</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>未读取</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>未读取</translation>
    </message>
    <message>
        <source>Safety net</source>
        <translation>安全网</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现项</translation>
    </message>
    <message>
        <source>CI pipeline</source>
        <translation>CI 流水线</translation>
    </message>
    <message>
        <source>Earlier environment&apos;s evidence</source>
        <translation>前序环境的证据</translation>
    </message>
    <message>
        <source>the canary&apos;s image was not scanned</source>
        <translation>金丝雀的镜像未经扫描</translation>
    </message>
    <message>
        <source>canary: %1</source>
        <translation>金丝雀：%1</translation>
    </message>
    <message>
        <source>; stable: %1</source>
        <translation>；稳定版本：%1</translation>
    </message>
    <message>
        <source>; stable not scanned</source>
        <translation>；稳定版本未经扫描</translation>
    </message>
    <message numerus="yes">
        <source>; %n added</source>
        <translation>
            <numerusform>；新增 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n fixed</source>
        <translation>
            <numerusform>，修复 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>; configuration audit failures: %1</source>
        <translation>；配置审计未通过项：%1</translation>
    </message>
    <message>
        <source>%1 fail, %2 warn, %3 error, %4 pass</source>
        <translation>%1 未通过，%2 警告，%3 错误，%4 通过</translation>
    </message>
    <message numerus="yes">
        <source>; %n new with the canary</source>
        <translation>
            <numerusform>；金丝雀新增 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>; admission denied: %1</source>
        <translation>；准入被拒绝：%1</translation>
    </message>
    <message>
        <source>%1 %2 (%3, %4): %5</source>
        <translation>%1 %2（%3，%4）：%5</translation>
    </message>
    <message>
        <source>no violations</source>
        <translation>无违规</translation>
    </message>
    <message>
        <source>canary: %1; stable: %2</source>
        <translation>金丝雀：%1；稳定版本：%2</translation>
    </message>
    <message>
        <source>no alerts</source>
        <translation>无告警</translation>
    </message>
    <message>
        <source>no run matched the canary&apos;s image</source>
        <translation>没有与金丝雀镜像匹配的运行</translation>
    </message>
    <message>
        <source>%1 %2/%3: %4</source>
        <translation>%1 %2/%3：%4</translation>
    </message>
    <message>
        <source>; failed step %1</source>
        <translation>；失败的步骤：%1</translation>
    </message>
    <message>
        <source>no earlier environment</source>
        <translation>没有前序环境</translation>
    </message>
    <message>
        <source>not read in %1</source>
        <translation>未在 %1 中读取</translation>
    </message>
    <message>
        <source>load test %1: %2</source>
        <translation>负载测试 %1：%2</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>in %1: no load test or chaos experiment of this version</source>
        <translation>%1 中：没有此版本的负载测试或混沌实验</translation>
    </message>
    <message>
        <source>in %1: %2</source>
        <translation>%1 中：%2</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>软件包</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装版本</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>修复版本</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>ReleaseTimelinePainter</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>actual weight</source>
        <translation>实际权重</translation>
    </message>
    <message>
        <source>desired weight</source>
        <translation>期望权重</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>无定论</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1 = %2 (%3)
%4
success: %5
failure: %6</source>
        <translation>%1 = %2（%3）
%4
成功条件：%5
失败条件：%6</translation>
    </message>
    <message>
        <source>%1 %2 (%3)
%4</source>
        <translation>%1 %2（%3）
%4</translation>
    </message>
    <message>
        <source>%1: %2 by %3 %4</source>
        <translation>%1：%2，执行者：%3 %4</translation>
    </message>
    <message>
        <source>other metrics</source>
        <translation>其他指标</translation>
    </message>
    <message>
        <source>Nothing with a time was recorded for this release.</source>
        <translation>本次发布没有记录任何带时间的数据。</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>%1
%2, %3
desired weight %4 %, actual weight %5 %</source>
        <translation>%1
%2，%3
期望权重 %4%，实际权重 %5%</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>other gates</source>
        <translation>其他门禁</translation>
    </message>
    <message>
        <source>%1: not evaluated then</source>
        <translation>%1：当时未评估</translation>
    </message>
    <message>
        <source>%1: %2
%3 – %4
value %5, bound %6</source>
        <translation>%1：%2
%3 – %4
值 %5，阈值 %6</translation>
    </message>
</context>
<context>
    <name>ReleasesView</name>
    <message>
        <source>Compare with Previous</source>
        <translation>与上一次对比</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Compare the selected release with the workload&apos;s release before it</source>
        <translation>将所选发布与该工作负载的上一次发布进行对比</translation>
    </message>
    <message>
        <source>Export a report of the selected release</source>
        <translation>导出所选发布的报告</translation>
    </message>
</context>
<context>
    <name>ReleasesWindow</name>
    <message>
        <source>Releases — Release Dashboard</source>
        <translation>发布记录 — Release Dashboard</translation>
    </message>
    <message>
        <source>Double-click a release to review its timeline, gates, actions and events.</source>
        <translation>双击某次发布，查看它的时间线、门禁、操作和事件。</translation>
    </message>
    <message>
        <source>Timeline and Report</source>
        <translation>时间线与报告</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>That release is no longer in the history (pruned).</source>
        <translation>该发布已不在历史中（已被清理）。</translation>
    </message>
    <message>
        <source>*No earlier release of this workload is recorded: nothing to compare with.*</source>
        <translation>*没有记录该工作负载更早的发布：无可对比。*</translation>
    </message>
    <message>
        <source>Export Release Report</source>
        <translation>导出发布报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;Markdown (*.md)</source>
        <translation>PDF 文档 (*.pdf);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The release is no longer in the history.</source>
        <translation>该发布已不在历史中。</translation>
    </message>
</context>
<context>
    <name>ReplicaSetModel</name>
    <message>
        <source>passed</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>Scaled down at %1</source>
        <translation>缩容于 %1</translation>
    </message>
    <message>
        <source>ReplicaSet / pod</source>
        <translation>ReplicaSet / Pod</translation>
    </message>
    <message>
        <source>Rev.</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Scale-down</source>
        <translation>缩容</translation>
    </message>
    <message>
        <source>%1
Pod template hash: %2
Created: %3</source>
        <translation>%1
Pod 模板哈希：%2
创建于：%3</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1 ready, %2 available, %3 desired</source>
        <translation>%1 就绪，%2 可用，%3 期望</translation>
    </message>
</context>
<context>
    <name>ReplicaSetPanel</name>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>No ReplicaSet receives the active service&apos;s traffic.</source>
        <translation>没有 ReplicaSet 接收活动服务的流量。</translation>
    </message>
    <message>
        <source>Nothing in preview.</source>
        <translation>预览中没有内容。</translation>
    </message>
    <message>
        <source>%1 · revision %2 · %3</source>
        <translation>%1 · 修订版本 %2 · %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1/%2 ready</source>
        <translation>%1/%2 就绪</translation>
    </message>
    <message>
        <source>scale-down delay passed</source>
        <translation>缩容延迟已到期</translation>
    </message>
    <message>
        <source>scale-down in %1</source>
        <translation>%1 后缩容</translation>
    </message>
</context>
<context>
    <name>ReplicaSetsView</name>
    <message>
        <source>Other revisions</source>
        <translation>其他修订版本</translation>
    </message>
    <message>
        <source>The preview service points at the active ReplicaSet too: nothing new to preview.</source>
        <translation>预览服务也指向活动 ReplicaSet：没有新的内容可预览。</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>report: no release of %1 is recorded in %2</source>
        <translation>report：%2 中没有记录 %1 的任何发布</translation>
    </message>
    <message>
        <source>report: %1 has no recorded revision %2 (recorded: %3)</source>
        <translation>report：%1 没有已记录的修订版本 %2（已记录：%3）</translation>
    </message>
    <message>
        <source>report: cannot write %1: %2</source>
        <translation>report：无法写入 %1：%2</translation>
    </message>
    <message>
        <source>report: a PDF needs a QGuiApplication</source>
        <translation>report：生成 PDF 需要 QGuiApplication</translation>
    </message>
    <message>
        <source>Wrote the report of %1 to %2</source>
        <translation>已将 %1 的报告写入 %2</translation>
    </message>
</context>
<context>
    <name>RolloutActionExecutorText</name>
    <message>
        <source>Rollout %1 was not found in %2.</source>
        <translation>在 %2 中找不到发布 %1。</translation>
    </message>
    <message>
        <source>The server refused: you may not %1 in namespace %2. %3</source>
        <translation>服务器拒绝了请求：你无权在命名空间 %2 中执行 %1。%3</translation>
    </message>
    <message>
        <source>%1 of %2 failed: %3</source>
        <translation>对 %2 执行“%1”失败：%3</translation>
    </message>
    <message>
        <source>You may not %1 in namespace %2, so %3 cannot be sent (checked with a SelfSubjectAccessReview).</source>
        <translation>你无权在命名空间 %2 中执行 %1，因此无法发送 %3（已通过 SelfSubjectAccessReview 检查）。</translation>
    </message>
    <message>
        <source>The API server accepted %1 for %2.</source>
        <translation>API 服务器已接受对 %2 的 %1 请求。</translation>
    </message>
    <message>
        <source>Nothing was sent: the attempt could not be recorded. %1</source>
        <translation>未发送任何内容：无法记录本次操作。%1</translation>
    </message>
    <message>
        <source>Read-only: %1 was not sent to %2.</source>
        <translation>只读：未向 %2 发送 %1。</translation>
    </message>
    <message>
        <source>%1 of %2 gave up: the rollout changed during each of %3 attempts (409 Conflict).</source>
        <translation>对 %2 执行“%1”已放弃：在全部 %3 次尝试中发布都发生了变化（409 Conflict）。</translation>
    </message>
</context>
<context>
    <name>RolloutActionPlanner</name>
    <message>
        <source>The rollout is already fully promoted.</source>
        <translation>该发布已全量推进。</translation>
    </message>
    <message>
        <source>Nothing to promote: the rollout is not paused.</source>
        <translation>无可推进：该发布未暂停。</translation>
    </message>
    <message>
        <source>Undo needs the raw objects.</source>
        <translation>回滚需要原始对象。</translation>
    </message>
    <message>
        <source>Revision %1 was not found: no ReplicaSet of this rollout has it.</source>
        <translation>找不到修订版本 %1：该发布的 ReplicaSet 中没有这个修订版本。</translation>
    </message>
    <message>
        <source>There is no previous revision to roll back to.</source>
        <translation>没有可回滚到的上一个修订版本。</translation>
    </message>
    <message>
        <source>Skipped: the current pod template already matches revision %1.</source>
        <translation>已跳过：当前 Pod 模板已与修订版本 %1 一致。</translation>
    </message>
</context>
<context>
    <name>RolloutActionRules</name>
    <message>
        <source>The rollout is already paused.</source>
        <translation>该发布已暂停。</translation>
    </message>
    <message>
        <source>The rollout is aborted: nothing is rolling out.</source>
        <translation>该发布已中止：没有正在进行的发布。</translation>
    </message>
    <message>
        <source>The rollout is fully promoted: nothing is rolling out.</source>
        <translation>该发布已全量推进：没有正在进行的发布。</translation>
    </message>
    <message>
        <source>The rollout is not paused by hand.</source>
        <translation>该发布不是手动暂停的。</translation>
    </message>
    <message>
        <source>The rollout is aborted: retry it first.</source>
        <translation>该发布已中止：请先重试。</translation>
    </message>
    <message>
        <source>The rollout is fully promoted: there is nothing to promote.</source>
        <translation>该发布已全量推进：没有可推进的内容。</translation>
    </message>
    <message>
        <source>The blue-green rollout is not paused: there is nothing to promote.</source>
        <translation>该蓝绿发布未暂停：没有可推进的内容。</translation>
    </message>
    <message>
        <source>The rollout is already fully promoted.</source>
        <translation>该发布已全量推进。</translation>
    </message>
    <message>
        <source>The rollout is already aborted.</source>
        <translation>该发布已中止。</translation>
    </message>
    <message>
        <source>The rollout is fully promoted: there is no update to abort.</source>
        <translation>该发布已全量推进：没有可中止的更新。</translation>
    </message>
    <message>
        <source>Only an aborted rollout can be retried.</source>
        <translation>只有已中止的发布才能重试。</translation>
    </message>
    <message>
        <source>A restart is already in progress.</source>
        <translation>重启已在进行中。</translation>
    </message>
    <message>
        <source>There is no earlier revision to roll back to.</source>
        <translation>没有可回滚到的更早修订版本。</translation>
    </message>
</context>
<context>
    <name>RolloutActionText</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>Promote full</source>
        <translation>全量推进</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>回滚…</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>正在暂停…</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Promoting…</source>
        <translation>正在推进…</translation>
    </message>
    <message>
        <source>Promoting fully…</source>
        <translation>正在全量推进…</translation>
    </message>
    <message>
        <source>Aborting…</source>
        <translation>正在中止…</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>正在重试…</translation>
    </message>
    <message>
        <source>Restarting…</source>
        <translation>正在重启…</translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation>正在回滚…</translation>
    </message>
    <message>
        <source>Pause rollout %1 in namespace %2 of environment %3?</source>
        <translation>要暂停环境 %3 的命名空间 %2 中的发布 %1 吗？</translation>
    </message>
    <message>
        <source>Resume rollout %1 in namespace %2 of environment %3?</source>
        <translation>要恢复环境 %3 的命名空间 %2 中的发布 %1 吗？</translation>
    </message>
    <message>
        <source>Promote rollout %1 in namespace %2 of environment %3?</source>
        <translation>要推进环境 %3 的命名空间 %2 中的发布 %1 吗？</translation>
    </message>
    <message>
        <source>Promote rollout %1 in namespace %2 of environment %3 fully?</source>
        <translation>要全量推进环境 %3 的命名空间 %2 中的发布 %1 吗？</translation>
    </message>
    <message>
        <source>Abort rollout %1 in namespace %2 of environment %3?</source>
        <translation>要中止环境 %3 的命名空间 %2 中的发布 %1 吗？</translation>
    </message>
    <message>
        <source>Retry rollout %1 in namespace %2 of environment %3?</source>
        <translation>要重试环境 %3 的命名空间 %2 中的发布 %1 吗？</translation>
    </message>
    <message>
        <source>Restart every pod of rollout %1 in namespace %2 of environment %3?</source>
        <translation>要重启环境 %3 的命名空间 %2 中发布 %1 的所有 Pod 吗？</translation>
    </message>
    <message>
        <source>Roll back rollout %1 in namespace %2 of environment %3?</source>
        <translation>要回滚环境 %3 的命名空间 %2 中的发布 %1 吗？</translation>
    </message>
    <message>
        <source>The rollout stops where it is, with the traffic it has now, until it is resumed.</source>
        <translation>发布将停在当前位置，保持现有的流量分配，直到被恢复。</translation>
    </message>
    <message>
        <source>The rollout continues from its current step; no step is skipped.</source>
        <translation>发布将从当前步骤继续；不会跳过任何步骤。</translation>
    </message>
    <message>
        <source>The current pause or analysis is skipped and the next step begins: the new version gets more traffic.</source>
        <translation>将跳过当前的暂停或分析并开始下一步骤：新版本将获得更多流量。</translation>
    </message>
    <message>
        <source>All remaining steps, pauses and analyses are skipped and the new version receives all traffic at once.</source>
        <translation>将跳过所有剩余的步骤、暂停和分析，新版本立即接收全部流量。</translation>
    </message>
    <message>
        <source>All traffic returns to the stable version and the canary is scaled down. You can retry the update later.</source>
        <translation>所有流量将回到稳定版本，金丝雀将被缩容。之后可以重试此次更新。</translation>
    </message>
    <message>
        <source>The aborted update starts again from the first step: the new version gets traffic again.</source>
        <translation>已中止的更新将从第一步重新开始：新版本将再次获得流量。</translation>
    </message>
    <message>
        <source>Every pod is replaced, a few at a time; the version does not change.</source>
        <translation>所有 Pod 将分批替换；版本不会改变。</translation>
    </message>
    <message>
        <source>Its pod template is replaced by the chosen revision&apos;s, which then rolls out through the rollout&apos;s steps.</source>
        <translation>其 Pod 模板将被替换为所选修订版本的模板，然后按该发布的步骤进行发布。</translation>
    </message>
</context>
<context>
    <name>RolloutActionUi</name>
    <message>
        <source>Pause the rollout where it is until it is resumed.</source>
        <translation>在当前位置暂停发布，直到被恢复。</translation>
    </message>
    <message>
        <source>Resume the paused rollout (no step is skipped).</source>
        <translation>恢复已暂停的发布（不跳过任何步骤）。</translation>
    </message>
    <message>
        <source>Skip the current pause or analysis and go on with the next step.</source>
        <translation>跳过当前的暂停或分析，继续下一步骤。</translation>
    </message>
    <message>
        <source>Skip all remaining steps and analyses: the new version gets all traffic.</source>
        <translation>跳过所有剩余的步骤和分析：新版本接收全部流量。</translation>
    </message>
    <message>
        <source>Abort the update: traffic returns to the stable version.</source>
        <translation>中止此次更新：流量回到稳定版本。</translation>
    </message>
    <message>
        <source>Retry the aborted update from the first step.</source>
        <translation>从第一步开始重试已中止的更新。</translation>
    </message>
    <message>
        <source>Restart all pods of the rollout.</source>
        <translation>重启该发布的所有 Pod。</translation>
    </message>
    <message>
        <source>Roll back to an earlier revision.</source>
        <translation>回滚到更早的修订版本。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>RolloutDetailController</name>
    <message>
        <source>The API server accepted %1, but the rollout has not shown its effect within %2 s. Is the Argo Rollouts controller running?</source>
        <translation>API 服务器已接受 %1，但该发布在 %2 秒内没有体现出效果。Argo Rollouts 控制器是否在运行？</translation>
    </message>
    <message>
        <source>You may not %1 in namespace %2.</source>
        <translation>你无权在命名空间 %2 中执行 %1。</translation>
    </message>
    <message>
        <source>Action failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>已暂停。</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <source>Promoted to the next step.</source>
        <translation>已推进到下一步骤。</translation>
    </message>
    <message>
        <source>Promoting fully: the new version takes all traffic.</source>
        <translation>正在全量推进：新版本接收全部流量。</translation>
    </message>
    <message>
        <source>Aborted: traffic is back on the stable version.</source>
        <translation>已中止：流量已回到稳定版本。</translation>
    </message>
    <message>
        <source>Retrying the update.</source>
        <translation>正在重试此次更新。</translation>
    </message>
    <message>
        <source>Restarted.</source>
        <translation>已重启。</translation>
    </message>
    <message>
        <source>Rolled back: the chosen revision is rolling out.</source>
        <translation>已回滚：所选修订版本正在发布。</translation>
    </message>
    <message>
        <source>%1 is not connected (stale since %2): nothing can be sent from here. Use &quot;Copy kubectl command&quot; to run it from a terminal.</source>
        <translation>%1 未连接（自 %2 起未更新）：无法从此处发送任何内容。请使用“复制 kubectl 命令”，在终端中执行。</translation>
    </message>
    <message>
        <source>Abort accepted</source>
        <translation>已接受中止请求</translation>
    </message>
    <message>
        <source>Aborted: %1.</source>
        <translation>已中止：%1。</translation>
    </message>
    <message>
        <source>Copied to the clipboard: %1</source>
        <translation>已复制到剪贴板：%1</translation>
    </message>
</context>
<context>
    <name>RolloutDetailTabs</name>
    <message>
        <source>ReplicaSets (%1)</source>
        <translation>ReplicaSet（%1）</translation>
    </message>
    <message>
        <source>Analysis (%1)</source>
        <translation>分析（%1）</translation>
    </message>
    <message>
        <source>Current revision&apos;s analysis: %1</source>
        <translation>当前修订版本的分析：%1</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>门禁</translation>
    </message>
    <message>
        <source>Gates ✓</source>
        <translation>门禁 ✓</translation>
    </message>
    <message>
        <source>Gates ? %1</source>
        <translation>门禁 ? %1</translation>
    </message>
    <message>
        <source>Gates ! %1</source>
        <translation>门禁 ! %1</translation>
    </message>
    <message>
        <source>Gates ✕ %1</source>
        <translation>门禁 ✕ %1</translation>
    </message>
    <message>
        <source>Quality gates: %1</source>
        <translation>质量门禁：%1</translation>
    </message>
    <message>
        <source>Quality gates of the canary</source>
        <translation>金丝雀的质量门禁</translation>
    </message>
    <message>
        <source>Safety nets</source>
        <translation>安全网</translation>
    </message>
    <message>
        <source>Image scans, policy, runtime alerts, CI, the earlier environment&apos;s evidence and flags of the canary</source>
        <translation>金丝雀的镜像扫描、策略、运行时告警、CI、前序环境的证据和功能开关</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
</context>
<context>
    <name>RolloutDetailView</name>
    <message>
        <source>%1 Waiting for the cluster to show the change.</source>
        <translation>%1 正在等待集群体现此变更。</translation>
    </message>
    <message>
        <source>Select a rollout to see its steps, ReplicaSets and analysis</source>
        <translation>选择一个发布，查看它的步骤、ReplicaSet 和分析</translation>
    </message>
    <message>
        <source>Copy kubectl Command</source>
        <translation>复制 kubectl 命令</translation>
    </message>
    <message>
        <source>Copy the command that does the same from a terminal (kubectl argo rollouts)</source>
        <translation>复制在终端中执行相同操作的命令（kubectl argo rollouts）</translation>
    </message>
</context>
<context>
    <name>RolloutEventsModel</name>
    <message>
        <source>Last seen</source>
        <translation>最后出现</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>this rollout</source>
        <translation>此发布</translation>
    </message>
    <message>
        <source>ReplicaSet %1</source>
        <translation>ReplicaSet %1</translation>
    </message>
    <message>
        <source>Pod %1</source>
        <translation>Pod %1</translation>
    </message>
    <message>
        <source>Analysis %1</source>
        <translation>分析 %1</translation>
    </message>
    <message>
        <source>Last: %1
First: %2</source>
        <translation>最后一次：%1
第一次：%2</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
</context>
<context>
    <name>RolloutEventsView</name>
    <message>
        <source>Events (%1)</source>
        <translation>事件（%1）</translation>
    </message>
    <message>
        <source>Events (%1, %2)</source>
        <comment>the number of events, then the warnings among them</comment>
        <translation>事件（%1，%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n 条警告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RolloutHeader</name>
    <message>
        <source>Canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>Blue-green</source>
        <translation>蓝绿</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>修订版本 %1</translation>
    </message>
    <message>
        <source>Weight %1 % desired · %2 % actual</source>
        <translation>期望权重 %1% · 实际权重 %2%</translation>
    </message>
    <message>
        <source>Pods: %1 desired, %2 current, %3 updated, %4 ready, %5 available</source>
        <translation>Pod：期望 %1，当前 %2，已更新 %3，就绪 %4，可用 %5</translation>
    </message>
    <message>
        <source>Images: %1</source>
        <translation>镜像：%1</translation>
    </message>
    <message>
        <source>Aborted %1 ago (%2).</source>
        <translation>已于 %1 前中止（%2）。</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步（共 %2 步）</translation>
    </message>
    <message>
        <source>Stale since %1: %2 is not connected, so this is the last known state. Countdowns are stopped and actions are disabled; &quot;Copy kubectl Command&quot; gives the command to run from a terminal.</source>
        <translation>自 %1 起未更新：%2 未连接，这里显示的是最后已知的状态。倒计时已停止，操作已禁用；“复制 kubectl 命令”可给出在终端中执行的命令。</translation>
    </message>
    <message>
        <source>Helm release %1</source>
        <translation>Helm release %1</translation>
    </message>
    <message>
        <source>Helm chart %1 %2</source>
        <translation>Helm chart %1 %2</translation>
    </message>
    <message>
        <source>Helm chart %1 %2 (release %3)</source>
        <translation>Helm chart %1 %2（release %3）</translation>
    </message>
    <message>
        <source>Kustomize</source>
        <translation>Kustomize</translation>
    </message>
    <message>
        <source>Safety nets: %1</source>
        <translation>安全网：%1</translation>
    </message>
    <message numerus="yes">
        <source>All %n steps done</source>
        <translation>
            <numerusform>全部 %n 个步骤已完成</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RolloutLinksMenu</name>
    <message>
        <source>Open In</source>
        <translation>在…中打开</translation>
    </message>
    <message>
        <source>Open this rollout in the tools the environment&apos;s links name (dashboards, logs, traces)</source>
        <translation>在该环境的 links 所列的工具（仪表盘、日志、链路追踪）中打开此发布</translation>
    </message>
    <message>
        <source>No links for %1</source>
        <translation>%1 没有配置链接</translation>
    </message>
    <message>
        <source>Add links: with URL templates to this environment in the config file</source>
        <translation>请在配置文件中为此环境添加带 URL 模板的 links:</translation>
    </message>
    <message>
        <source>Open in %1</source>
        <translation>在 %1 中打开</translation>
    </message>
</context>
<context>
    <name>RolloutMetricsView</name>
    <message>
        <source>The time window of every chart</source>
        <translation>所有图表的时间窗口</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Keep the window ending now and refresh at the charts&apos; resolution</source>
        <translation>让时间窗口始终截止到现在，并按图表的分辨率刷新</translation>
    </message>
    <message>
        <source>Run the queries again</source>
        <translation>重新运行查询</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Select a rollout to see its metrics</source>
        <translation>选择一个发布，查看它的指标</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This revision&apos;s lifetime</source>
        <translation>此修订版本的整个生命周期</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
</context>
<context>
    <name>RolloutSituation</name>
    <message>
        <source>Resume continues at step %1 of %2</source>
        <translation>恢复后从第 %1 步（共 %2 步）继续</translation>
    </message>
    <message>
        <source>nothing is rolling out</source>
        <translation>没有正在进行的发布</translation>
    </message>
    <message>
        <source>Resume continues the update</source>
        <translation>恢复后继续此次更新</translation>
    </message>
    <message>
        <source>pausing: the controller has not seen the change yet</source>
        <translation>正在暂停：控制器尚未观察到此变更</translation>
    </message>
    <message>
        <source>the controller has not seen the change yet</source>
        <translation>控制器尚未观察到此变更</translation>
    </message>
    <message>
        <source>resuming</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <source>restarting pods</source>
        <translation>正在重启 Pod</translation>
    </message>
    <message>
        <source>updating pods</source>
        <translation>正在更新 Pod</translation>
    </message>
    <message>
        <source>new pods are becoming ready</source>
        <translation>新 Pod 正在就绪</translation>
    </message>
    <message>
        <source>old pods are shutting down</source>
        <translation>旧 Pod 正在关闭</translation>
    </message>
    <message>
        <source>switching the active service to the new version</source>
        <translation>正在将活动服务切换到新版本</translation>
    </message>
    <message>
        <source>post-promotion analysis running</source>
        <translation>推进后分析运行中</translation>
    </message>
    <message>
        <source>post-promotion verification running</source>
        <translation>推进后验证运行中</translation>
    </message>
    <message>
        <source>step %1 of %2: %3</source>
        <translation>第 %1 步（共 %2 步）：%3</translation>
    </message>
    <message>
        <source>finishing the update</source>
        <translation>正在完成此次更新</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>progress deadline exceeded: %1</source>
        <translation>超过进度期限：%1</translation>
    </message>
    <message>
        <source>aborted: %1</source>
        <translation>已中止：%1</translation>
    </message>
    <message>
        <source>invalid spec: %1</source>
        <translation>规格无效：%1</translation>
    </message>
    <message>
        <source>Aborting</source>
        <translation>正在中止</translation>
    </message>
    <message>
        <source>switching the active service back to the stable version</source>
        <translation>正在将活动服务切回稳定版本</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>all traffic on the stable version</source>
        <translation>所有流量都在稳定版本上</translation>
    </message>
    <message>
        <source>canary weight %1 % → 0 %</source>
        <translation>金丝雀权重 %1% → 0%</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Paused by a person since %1</source>
        <translation>自 %1 起被人工暂停</translation>
    </message>
    <message>
        <source>Paused by a person</source>
        <translation>被人工暂停</translation>
    </message>
    <message>
        <source>Analysis inconclusive</source>
        <translation>分析无定论</translation>
    </message>
    <message>
        <source>promote or abort</source>
        <translation>请推进或中止</translation>
    </message>
    <message>
        <source>Experiment inconclusive</source>
        <translation>实验无定论</translation>
    </message>
    <message>
        <source>Waiting for promotion</source>
        <translation>等待推进</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Waiting for promotion (automatic promotion was due %1)</source>
        <translation>等待推进（原定于 %1 自动推进）</translation>
    </message>
    <message>
        <source>%1 (due to end %2)</source>
        <translation>%1（预计于 %2 结束）</translation>
    </message>
    <message>
        <source>resuming…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>automatic in %1</source>
        <translation>%1 后自动推进</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Waiting for promotion at step %1 of %2</source>
        <translation>在第 %1 步（共 %2 步）等待推进</translation>
    </message>
    <message>
        <source>Waiting for a person: %1</source>
        <translation>等待人工处理：%1</translation>
    </message>
    <message>
        <source>Needs a look: %1</source>
        <translation>需要检查：%1</translation>
    </message>
    <message>
        <source>promoting…</source>
        <translation>正在推进…</translation>
    </message>
    <message>
        <source>Paused by %1 since %2</source>
        <translation>自 %2 起被%1暂停</translation>
    </message>
    <message>
        <source>Paused by %1</source>
        <translation>被%1暂停</translation>
    </message>
    <message numerus="yes">
        <source>all traffic on the stable version; %n new pods still running</source>
        <translation>
            <numerusform>所有流量都在稳定版本上；仍有 %n 个新 Pod 在运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, scaling down %n canary pods</source>
        <translation>
            <numerusform>，正在缩减 %n 个金丝雀 Pod</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all traffic on the stable version; %n canary pods still running</source>
        <translation>
            <numerusform>所有流量都在稳定版本上；仍有 %n 个金丝雀 Pod 在运行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RolloutStatus</name>
    <message>
        <source>waiting for rollout spec update to be observed</source>
        <translation>等待控制器观察到发布规格的更新</translation>
    </message>
    <message>
        <source>waiting for rollout to unpause</source>
        <translation>等待发布恢复</translation>
    </message>
    <message>
        <source>waiting for rollout spec update to be observed for the reference workload</source>
        <translation>等待控制器观察到所引用工作负载的规格更新</translation>
    </message>
    <message>
        <source>rollout is restarting</source>
        <translation>发布正在重启</translation>
    </message>
    <message>
        <source>more replicas need to be updated</source>
        <translation>还有副本需要更新</translation>
    </message>
    <message>
        <source>updated replicas are still becoming available</source>
        <translation>已更新的副本仍在变为可用</translation>
    </message>
    <message>
        <source>active service cutover pending</source>
        <translation>等待切换活动服务</translation>
    </message>
    <message>
        <source>waiting for analysis to complete</source>
        <translation>等待分析完成</translation>
    </message>
    <message>
        <source>waiting for post-promotion verification to complete</source>
        <translation>等待推进后验证完成</translation>
    </message>
    <message>
        <source>old replicas are pending termination</source>
        <translation>旧副本等待终止</translation>
    </message>
    <message>
        <source>waiting for all steps to complete</source>
        <translation>等待所有步骤完成</translation>
    </message>
    <message>
        <source>manually paused</source>
        <translation>已手动暂停</translation>
    </message>
</context>
<context>
    <name>RolloutStepsModel</name>
    <message>
        <source>current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>aborted here</source>
        <translation>在此中止</translation>
    </message>
    <message>
        <source>paused by a person: Resume continues here</source>
        <translation>被人工暂停：恢复后从此处继续</translation>
    </message>
    <message>
        <source>analysis inconclusive: promote or abort</source>
        <translation>分析无定论：请推进或中止</translation>
    </message>
    <message>
        <source>experiment inconclusive: promote or abort</source>
        <translation>实验无定论：请推进或中止</translation>
    </message>
    <message>
        <source>resuming…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>waiting for promotion</source>
        <translation>等待推进</translation>
    </message>
    <message>
        <source>due to end %1 (no countdown: not connected)</source>
        <translation>预计于 %1 结束（未连接，不倒计时）</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Aborted before this window was watching: the step is not known</source>
        <translation>在此窗口开始监视之前已中止：不清楚当时所在的步骤</translation>
    </message>
    <message>
        <source>No steps: pods are replaced as in a rolling update</source>
        <translation>没有步骤：Pod 按滚动更新的方式替换</translation>
    </message>
    <message>
        <source>Traffic routing: %1, at most %2 %</source>
        <translation>流量路由：%1，最多 %2%</translation>
    </message>
    <message>
        <source>Traffic routing: %1</source>
        <translation>流量路由：%1</translation>
    </message>
    <message>
        <source>promoting…</source>
        <translation>正在推进…</translation>
    </message>
    <message>
        <source>Preview replicas: %1</source>
        <translation>预览副本数：%1</translation>
    </message>
    <message>
        <source>Scale-down delay: %1</source>
        <translation>缩容延迟：%1</translation>
    </message>
    <message>
        <source>Active service: %1</source>
        <translation>活动服务：%1</translation>
    </message>
    <message>
        <source>Services: %1 (active), %2 (preview)</source>
        <translation>服务：%1（活动），%2（预览）</translation>
    </message>
    <message>
        <source>paused by %1: Resume continues here</source>
        <translation>被%1暂停：恢复后从此处继续</translation>
    </message>
</context>
<context>
    <name>RolloutStepsView</name>
    <message>
        <source>Blue-green promotion</source>
        <translation>蓝绿推进</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Steps · %1 of %2</source>
        <translation>步骤 · 第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>RolloutTree</name>
    <message>
        <source>waiting to start</source>
        <translation>等待开始</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>inconclusive or unknown</source>
        <translation>无定论或未知</translation>
    </message>
    <message>
        <source>succeeded or healthy</source>
        <translation>成功或健康</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>scaled down</source>
        <translation>已缩容</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>无状态</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步（共 %2 步）</translation>
    </message>
    <message>
        <source>%1: the experiment has not been created yet</source>
        <translation>%1：实验尚未创建</translation>
    </message>
    <message>
        <source>%1: experiment %2 is %3</source>
        <translation>%1：实验 %2 处于 %3</translation>
    </message>
    <message>
        <source>%1: experiment %2 is running until its analyses finish</source>
        <translation>%1：实验 %2 正在运行，直到其分析结束</translation>
    </message>
    <message>
        <source>%1: experiment %2 has run %3 of %4, %5 left</source>
        <translation>%1：实验 %2 已运行 %3（共 %4），剩余 %5</translation>
    </message>
</context>
<context>
    <name>SafetyNetDecoder</name>
    <message>
        <source>the response is not a list: it has no items</source>
        <translation>响应不是列表：缺少 items</translation>
    </message>
    <message>
        <source>the list&apos;s items are not an array</source>
        <translation>列表的 items 不是数组</translation>
    </message>
    <message>
        <source>more than %1 objects: %2 left out</source>
        <translation>超过 %1 个对象：省略了 %2 个</translation>
    </message>
    <message>
        <source>the answer is not an API resource list</source>
        <translation>响应不是 API 资源列表</translation>
    </message>
    <message>
        <source>more than %1 flags: the rest are left out</source>
        <translation>超过 %1 个功能开关：其余的已省略</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>应为数字</translation>
    </message>
</context>
<context>
    <name>SafetyNetFalco</name>
    <message>
        <source>This user may not query Prometheus.</source>
        <translation>此用户无权查询 Prometheus。</translation>
    </message>
    <message>
        <source>Falco&apos;s alerts could not be read from Prometheus: %1</source>
        <translation>无法从 Prometheus 读取 Falco 的告警：%1</translation>
    </message>
</context>
<context>
    <name>SafetyNetLists</name>
    <message>
        <source>This user may not list %1.</source>
        <translation>此用户无权列出 %1。</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>SafetyNetsModel</name>
    <message>
        <source>No Falco alert on the canary&apos;s or the stable&apos;s pods during the release</source>
        <translation>本次发布期间，金丝雀和稳定版本的 Pod 上均没有 Falco 告警</translation>
    </message>
    <message>
        <source>Runtime alerts (Falco)</source>
        <translation>运行时告警（Falco）</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>稳定版本</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Alerts counted since the canary&apos;s ReplicaSet was created (%1)</source>
        <translation>自金丝雀的 ReplicaSet 创建（%1）以来统计的告警</translation>
    </message>
    <message>
        <source>Rules that fired on the canary</source>
        <translation>在金丝雀上触发的规则</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>优先级：%1</translation>
    </message>
    <message>
        <source>CI pipeline</source>
        <translation>CI 流水线</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>No pipeline run names the canary&apos;s image (%1)</source>
        <translation>没有任何流水线运行引用金丝雀的镜像（%1）</translation>
    </message>
    <message>
        <source>Argo Workflow %1</source>
        <translation>Argo Workflow %1</translation>
    </message>
    <message>
        <source>Tekton PipelineRun %1</source>
        <translation>Tekton PipelineRun %1</translation>
    </message>
    <message>
        <source>%1 in namespace %2, started %3</source>
        <translation>命名空间 %2 中的 %1，开始于 %3</translation>
    </message>
    <message>
        <source>matched by %1</source>
        <translation>匹配依据：%1</translation>
    </message>
    <message>
        <source>Evidence from an earlier environment</source>
        <translation>来自前序环境的证据</translation>
    </message>
    <message>
        <source>Evidence from %1</source>
        <translation>来自 %1 的证据</translation>
    </message>
    <message>
        <source>No earlier environment in the config: nothing ran this version before</source>
        <translation>配置中没有前序环境：此前没有运行过此版本的环境</translation>
    </message>
    <message>
        <source>No load test or chaos experiment ran this version in %1</source>
        <translation>在 %1 中没有针对此版本运行过负载测试或混沌实验</translation>
    </message>
    <message>
        <source>k6 TestRun %1</source>
        <translation>k6 TestRun %1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>probes %1 % passed</source>
        <translation>探针通过率 %1%</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Feature flags</source>
        <translation>功能开关</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认变体</translation>
    </message>
    <message>
        <source>Variants and targeting</source>
        <translation>变体与定向规则</translation>
    </message>
    <message>
        <source>No FeatureFlag in namespace %1</source>
        <translation>命名空间 %1 中没有 FeatureFlag</translation>
    </message>
    <message>
        <source>In FeatureFlag %1</source>
        <translation>位于 FeatureFlag %1 中</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source> · targeting %1</source>
        <translation> · 定向规则 %1</translation>
    </message>
    <message>
        <source>Targeting: %1</source>
        <translation>定向规则：%1</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation>策略：%1</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>严重程度：%1</translation>
    </message>
    <message>
        <source>Reported by: %1</source>
        <translation>报告方：%1</translation>
    </message>
    <message>
        <source>About: %1 %2</source>
        <translation>涉及对象：%1 %2</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Fails for the canary, not for the stable version</source>
        <translation>金丝雀未通过，稳定版本则没有此问题</translation>
    </message>
    <message>
        <source>No policy report has a result about this rollout</source>
        <translation>没有任何策略报告包含关于此发布的结果</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果汇总</translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <comment>policy results</comment>
        <translation>
            <numerusform>%n 项未通过</numerusform>
        </translation>
    </message>
    <message>
        <source>none failing</source>
        <translation>无未通过项</translation>
    </message>
    <message>
        <source>%1 pass · %2 fail · %3 warn · %4 error · %5 skip</source>
        <translation>%1 通过 · %2 未通过 · %3 警告 · %4 错误 · %5 跳过</translation>
    </message>
    <message numerus="yes">
        <source>on %n object(s): %1</source>
        <translation>
            <numerusform>涉及 %n 个对象：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>No Gatekeeper violation names this rollout or its namespace</source>
        <translation>没有涉及此发布或其命名空间的 Gatekeeper 违规</translation>
    </message>
    <message>
        <source>Gatekeeper %1 / %2</source>
        <translation>Gatekeeper %1 / %2</translation>
    </message>
    <message>
        <source>A violation in the status of the constraint %1 %2</source>
        <translation>约束 %1 %2 的状态中记录的违规</translation>
    </message>
    <message>
        <source>The constraint&apos;s enforcement action</source>
        <translation>该约束的执行动作</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Against stable</source>
        <translation>对比稳定版本</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Admission denied</source>
        <translation>准入被拒绝</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>%1: as read at %2; reading it again failed: %3</source>
        <translation>%1：显示的是 %2 读取的数据；再次读取失败：%3</translation>
    </message>
    <message>
        <source>%1: more objects than the dashboard reads; only the first ones are shown</source>
        <translation>%1：对象数量超过仪表盘的读取上限；只显示前面一部分</translation>
    </message>
    <message>
        <source>Opens %1 in the browser</source>
        <translation>在浏览器中打开 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>not in stable</source>
        <translation>稳定版本中没有</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>no fix yet</source>
        <translation>暂无修复</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>not scanned</source>
        <translation>未扫描</translation>
    </message>
    <message>
        <source>+%1 with the canary</source>
        <translation>金丝雀 +%1</translation>
    </message>
    <message>
        <source>−%1 with the canary</source>
        <translation>金丝雀 −%1</translation>
    </message>
    <message>
        <source>The canary adds no vulnerability</source>
        <translation>金丝雀没有新增漏洞</translation>
    </message>
    <message>
        <source>Added by the canary (%1)</source>
        <translation>金丝雀新增（%1）</translation>
    </message>
    <message>
        <source>Fixed by the canary (%1)</source>
        <translation>金丝雀已修复（%1）</translation>
    </message>
    <message>
        <source>No configuration audit failure</source>
        <translation>没有配置审计未通过项</translation>
    </message>
    <message>
        <source>Configuration audit failures (%1)</source>
        <translation>配置审计未通过项（%1）</translation>
    </message>
    <message>
        <source>Image vulnerabilities</source>
        <translation>镜像漏洞</translation>
    </message>
    <message>
        <source>Package and fix</source>
        <translation>软件包与修复版本</translation>
    </message>
    <message>
        <source>No canary: the stable version&apos;s counts alone</source>
        <translation>没有金丝雀：仅显示稳定版本的计数</translation>
    </message>
    <message>
        <source>Trivy has no report yet for every canary container (%1)</source>
        <translation>Trivy 尚未为每个金丝雀容器都生成报告（%1）</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现项</translation>
    </message>
</context>
<context>
    <name>SafetyNetsText</name>
    <message>
        <source>not scanned</source>
        <translation>未扫描</translation>
    </message>
    <message>
        <source>policy: %1 fail</source>
        <translation>策略：%1 项未通过</translation>
    </message>
    <message>
        <source>CI failed</source>
        <translation>CI 失败</translation>
    </message>
    <message>
        <source>CI green</source>
        <translation>CI 通过</translation>
    </message>
    <message>
        <source>CI pending</source>
        <translation>CI 等待中</translation>
    </message>
    <message>
        <source>CI %1</source>
        <translation>CI %1</translation>
    </message>
    <message>
        <source>%1 load test failed</source>
        <translation>%1 负载测试失败</translation>
    </message>
    <message>
        <source>%1 chaos failed</source>
        <translation>%1 混沌实验失败</translation>
    </message>
    <message>
        <source>%1 passed</source>
        <translation>%1 已通过</translation>
    </message>
    <message>
        <source>no findings in what could be read</source>
        <translation>已读取的部分中无发现项</translation>
    </message>
    <message>
        <source>no findings</source>
        <translation>无发现项</translation>
    </message>
    <message>
        <source>Image vulnerabilities (Trivy)</source>
        <translation>镜像漏洞（Trivy）</translation>
    </message>
    <message>
        <source>Configuration audit (Trivy)</source>
        <translation>配置审计（Trivy）</translation>
    </message>
    <message>
        <source>Policy reports</source>
        <translation>策略报告</translation>
    </message>
    <message>
        <source>Gatekeeper constraints</source>
        <translation>Gatekeeper 约束</translation>
    </message>
    <message>
        <source>Runtime alerts (Falco)</source>
        <translation>运行时告警（Falco）</translation>
    </message>
    <message>
        <source>CI pipelines (Argo Workflows)</source>
        <translation>CI 流水线（Argo Workflows）</translation>
    </message>
    <message>
        <source>CI pipelines (Tekton)</source>
        <translation>CI 流水线（Tekton）</translation>
    </message>
    <message>
        <source>Load tests (k6)</source>
        <translation>负载测试（k6）</translation>
    </message>
    <message>
        <source>Chaos experiments (LitmusChaos)</source>
        <translation>混沌实验（LitmusChaos）</translation>
    </message>
    <message>
        <source>Chaos experiments (Chaos Mesh)</source>
        <translation>混沌实验（Chaos Mesh）</translation>
    </message>
    <message>
        <source>Feature flags (OpenFeature)</source>
        <translation>功能开关（OpenFeature）</translation>
    </message>
    <message>
        <source>Not asked: no Prometheus to query falco_events in.</source>
        <translation>未查询：没有可用于查询 falco_events 的 Prometheus。</translation>
    </message>
    <message>
        <source>Not read yet.</source>
        <translation>尚未读取。</translation>
    </message>
    <message>
        <source>%1 reports nothing here (Prometheus has no %2 series).</source>
        <translation>%1 在此没有上报任何数据（Prometheus 中没有 %2 序列）。</translation>
    </message>
    <message>
        <source>No policy engine writes PolicyReports in this cluster (the API has no PolicyReport kind).</source>
        <translation>此集群中没有策略引擎写入 PolicyReport（API 中没有 PolicyReport 类型）。</translation>
    </message>
    <message>
        <source>%1 is not installed in this cluster (the API has no %2 group).</source>
        <translation>此集群中未安装 %1（API 中没有 %2 组）。</translation>
    </message>
    <message>
        <source>%1 is not installed in this cluster (the API has no %2 kind).</source>
        <translation>此集群中未安装 %1（API 中没有 %2 类型）。</translation>
    </message>
    <message>
        <source>Not allowed to query Prometheus for %1 here (403).</source>
        <translation>无权在此向 Prometheus 查询 %1（403）。</translation>
    </message>
    <message>
        <source>Not allowed to list %1 here (403).</source>
        <translation>无权在此列出 %1（403）。</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高危</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中危</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低危</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1: failed (%2)</source>
        <translation>%1：未通过（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n passed</source>
        <comment>load tests and chaos experiments</comment>
        <translation>
            <numerusform>%1：%n 项通过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n not finished</source>
        <comment>load tests and chaos experiments</comment>
        <translation>
            <numerusform>%1：%n 项未完成</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no load test or chaos experiment for this version</source>
        <translation>%1：此版本没有负载测试或混沌实验</translation>
    </message>
    <message numerus="yes">
        <source>+%n critical CVEs</source>
        <translation>
            <numerusform>+%n 个严重 CVE</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n high CVEs</source>
        <translation>
            <numerusform>+%n 个高危 CVE</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical CVEs</source>
        <translation>
            <numerusform>%n 个严重 CVE</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Gatekeeper violations</source>
        <translation>
            <numerusform>%n 个 Gatekeeper 违规</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n admission denials</source>
        <translation>
            <numerusform>%n 次准入拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Falco alerts</source>
        <translation>
            <numerusform>%n 条 Falco 告警</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SafetyNetsVerdict</name>
    <message>
        <source>read %1</source>
        <translation>读取于 %1</translation>
    </message>
    <message>
        <source>read</source>
        <translation>已读取</translation>
    </message>
    <message>
        <source>; reading it again failed: %1</source>
        <translation>；再次读取失败：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>SafetyNetsView</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Reading the safety nets: image scans, policy reports, runtime alerts, CI pipelines, the earlier environment&apos;s tests and the feature flags…</source>
        <translation>正在读取安全网：镜像扫描、策略报告、运行时告警、CI 流水线、前序环境的测试和功能开关…</translation>
    </message>
    <message>
        <source>No canary: the stable version %1 alone</source>
        <translation>没有金丝雀：仅显示稳定版本 %1</translation>
    </message>
    <message>
        <source>Canary %1; no stable version to compare with</source>
        <translation>金丝雀 %1；没有可对比的稳定版本</translation>
    </message>
    <message>
        <source>Canary %1 against stable %2</source>
        <translation>金丝雀 %1 对比稳定版本 %2</translation>
    </message>
    <message>
        <source>read %1, %2 ago: not refreshed since</source>
        <translation>读取于 %1（%2 前）：此后未再刷新</translation>
    </message>
    <message>
        <source>read %1, %2 ago</source>
        <translation>读取于 %1（%2 前）</translation>
    </message>
</context>
<context>
    <name>ServiceConnection</name>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>%1 %2 %3: cannot read it: %4</source>
        <translation>%1 %2 %3：无法读取：%4</translation>
    </message>
</context>
<context>
    <name>ServiceEndpoint</name>
    <message>
        <source>Prometheus disabled</source>
        <translation>Prometheus 已禁用</translation>
    </message>
    <message>
        <source>service %1/%2%3:%4%5</source>
        <translation>服务 %1/%2%3:%4%5</translation>
    </message>
</context>
<context>
    <name>SseFramer</name>
    <message>
        <source>An event of the stream is larger than %1 KiB</source>
        <translation>流中的某个事件超过了 %1 KiB</translation>
    </message>
</context>
<context>
    <name>StatusDelegate</name>
    <message>
        <source>Phase: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <source>Phase: %1 (%2)</source>
        <translation>阶段：%1（%2）</translation>
    </message>
</context>
<context>
    <name>StepDescription</name>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1h %2m %3s</source>
        <translation>%1小时%2分%3秒</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Set weight %1</source>
        <translation>设置权重 %1</translation>
    </message>
    <message>
        <source>Pause until promoted</source>
        <translation>暂停，直到被推进</translation>
    </message>
    <message>
        <source>Pause (invalid duration: %1)</source>
        <translation>暂停（时长无效：%1）</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <source>Experiment: %1</source>
        <translation>实验：%1</translation>
    </message>
    <message>
        <source>Experiment: %1, %2</source>
        <translation>实验：%1，%2</translation>
    </message>
    <message>
        <source>Analysis: %1</source>
        <translation>分析：%1</translation>
    </message>
    <message>
        <source>Set canary scale: %1</source>
        <translation>设置金丝雀规模：%1</translation>
    </message>
    <message>
        <source>Set canary scale: match traffic weight</source>
        <translation>设置金丝雀规模：与流量权重一致</translation>
    </message>
    <message>
        <source>Header route: %1</source>
        <translation>请求头路由：%1</translation>
    </message>
    <message>
        <source>Mirror route: %1 (%2)</source>
        <translation>镜像流量路由：%1（%2）</translation>
    </message>
    <message>
        <source>Mirror route: %1</source>
        <translation>镜像流量路由：%1</translation>
    </message>
    <message>
        <source>Plugin: %1</source>
        <translation>插件：%1</translation>
    </message>
    <message>
        <source>Invalid step</source>
        <translation>无效步骤</translation>
    </message>
    <message>
        <source>Pre-promotion analysis: %1</source>
        <translation>推进前分析：%1</translation>
    </message>
    <message>
        <source>Post-promotion analysis: %1</source>
        <translation>推进后分析：%1</translation>
    </message>
    <message>
        <source>Background analysis: %1, from step %2</source>
        <translation>后台分析：%1，从步骤 %2 开始</translation>
    </message>
    <message>
        <source>Background analysis: %1</source>
        <translation>后台分析：%1</translation>
    </message>
    <message>
        <source>Auto-promotion disabled: promote by hand</source>
        <translation>已禁用自动推进：请手动推进</translation>
    </message>
    <message>
        <source>Auto-promotion as soon as the preview is ready</source>
        <translation>预览就绪后立即自动推进</translation>
    </message>
    <message>
        <source>Auto-promotion after %1</source>
        <translation>%1 后自动推进</translation>
    </message>
    <message>
        <source>%1 successful</source>
        <translation>成功 %1</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>失败 %1</translation>
    </message>
    <message>
        <source>%1 inconclusive</source>
        <translation>无定论 %1</translation>
    </message>
    <message>
        <source>No measurements yet</source>
        <translation>尚无测量结果</translation>
    </message>
    <message>
        <source>No metrics yet</source>
        <translation>尚无指标</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>运行中 %1</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>等待中 %1</translation>
    </message>
    <message>
        <source>%1 dry run</source>
        <translation>试运行 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n replicas</source>
        <translation>
            <numerusform>%n 个副本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n templates</source>
        <translation>
            <numerusform>%n 个模板</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metrics</source>
        <translation>
            <numerusform>%n 个指标</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n 次错误</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficRouting</name>
    <message>
        <source>Traefik TraefikService %1</source>
        <translation>Traefik TraefikService %1</translation>
    </message>
    <message>
        <source>Ambassador Mappings %1</source>
        <translation>Ambassador Mapping %1</translation>
    </message>
    <message>
        <source>AWS App Mesh</source>
        <translation>AWS App Mesh</translation>
    </message>
    <message>
        <source>%1 (a router this dashboard does not know)</source>
        <translation>%1（本仪表盘不认识的路由器）</translation>
    </message>
    <message>
        <source>Plugin %1: %2</source>
        <translation>插件 %1：%2</translation>
    </message>
    <message>
        <source>Not set yet</source>
        <translation>尚未设置</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>稳定版本</translation>
    </message>
    <message>
        <source>additional</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>%1 (not verified yet)</source>
        <translation>%1（尚未验证）</translation>
    </message>
    <message>
        <source>The controller last set %1 %; the current step asks for %2 %</source>
        <translation>控制器最近一次设置为 %1%；当前步骤要求 %2%</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>ReplicaSet %1 (%2): ping, service %3</source>
        <translation>ReplicaSet %1（%2）：ping，服务 %3</translation>
    </message>
    <message>
        <source>ReplicaSet %1 (%2): pong, service %3</source>
        <translation>ReplicaSet %1（%2）：pong，服务 %3</translation>
    </message>
    <message>
        <source>Header route %1: %2</source>
        <translation>请求头路由 %1：%2</translation>
    </message>
    <message>
        <source>%1 % of requests</source>
        <translation>%1% 的请求</translation>
    </message>
    <message>
        <source>all requests</source>
        <translation>全部请求</translation>
    </message>
    <message>
        <source>Mirror route %1: %2 matching %3</source>
        <translation>镜像流量路由 %1：匹配 %3 的%2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>No traffic routing: the weight is the share of canary pods behind the services</source>
        <translation>无流量路由：权重即服务背后金丝雀 Pod 所占的比例</translation>
    </message>
    <message>
        <source>No traffic routing: a blue-green rollout switches its services</source>
        <translation>无流量路由：蓝绿发布通过切换服务来切换流量</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>路由器</translation>
    </message>
    <message>
        <source>Managed routes</source>
        <translation>托管路由</translation>
    </message>
    <message>
        <source>Ping-pong</source>
        <translation>Ping-pong</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>%1 (route %2)</source>
        <translation>%1（路由 %2）</translation>
    </message>
    <message>
        <source>%1 (routes %2)</source>
        <translation>%1（路由 %2）</translation>
    </message>
    <message>
        <source>VirtualService %1</source>
        <translation>VirtualService %1</translation>
    </message>
    <message>
        <source>VirtualServices %1</source>
        <translation>VirtualService %1</translation>
    </message>
    <message>
        <source>DestinationRule %1 subsets %2/%3</source>
        <translation>DestinationRule %1，子集 %2/%3</translation>
    </message>
    <message>
        <source>Istio %1</source>
        <translation>Istio %1</translation>
    </message>
    <message>
        <source>stable Ingress %1</source>
        <translation>稳定版本 Ingress %1</translation>
    </message>
    <message>
        <source>stable Ingresses %1</source>
        <translation>稳定版本 Ingress %1</translation>
    </message>
    <message>
        <source>annotation prefix %1</source>
        <translation>注解前缀 %1</translation>
    </message>
    <message>
        <source>additional annotations %1</source>
        <translation>附加注解 %1</translation>
    </message>
    <message>
        <source>NGINX %1</source>
        <translation>NGINX %1</translation>
    </message>
    <message>
        <source>Ingress %1</source>
        <translation>Ingress %1</translation>
    </message>
    <message>
        <source>Ingresses %1</source>
        <translation>Ingress %1</translation>
    </message>
    <message>
        <source>service port %1</source>
        <translation>服务端口 %1</translation>
    </message>
    <message>
        <source>root service %1</source>
        <translation>根服务 %1</translation>
    </message>
    <message>
        <source>AWS ALB %1</source>
        <translation>AWS ALB %1</translation>
    </message>
    <message>
        <source>TrafficSplit %1</source>
        <translation>TrafficSplit %1</translation>
    </message>
    <message>
        <source>SMI %1</source>
        <translation>SMI %1</translation>
    </message>
    <message>
        <source>Apache APISIX Route %1</source>
        <translation>Apache APISIX Route %1</translation>
    </message>
    <message>
        <source>Apache APISIX Route %1 (rules %2)</source>
        <translation>Apache APISIX Route %1（规则 %2）</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>method %1</source>
        <translation>方法 %1</translation>
    </message>
    <message>
        <source>path %1</source>
        <translation>路径 %1</translation>
    </message>
    <message>
        <source>header %1 %2</source>
        <translation>请求头 %1 %2</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>The weights the controller last set on the router (status.canary.weights).</source>
        <translation>控制器最近一次在路由器上设置的权重（status.canary.weights）。</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>The router moves to the step&apos;s weight once the canary&apos;s pods are available; until then the controller keeps the previous weight.</source>
        <translation>金丝雀的 Pod 可用后，路由器才会切换到该步骤的权重；在此之前，控制器保持之前的权重。</translation>
    </message>
</context>
<context>
    <name>TrafficRoutingModel</name>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>As the controller set it</source>
        <translation>控制器设置的值</translation>
    </message>
</context>
<context>
    <name>UndoRevisionDialog</name>
    <message>
        <source>Roll back %1</source>
        <translation>回滚 %1</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>There is no earlier revision to roll back to.</source>
        <translation>没有可回滚到的更早修订版本。</translation>
    </message>
</context>
<context>
    <name>WatchFramer</name>
    <message>
        <source>Unexpected &apos;%1&apos; in the JSON stream</source>
        <translation>JSON 流中出现了意外的 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A JSON value in the stream is larger than the limit of %1 MiB</source>
        <translation>流中的某个 JSON 值超过了 %1 MiB 的上限</translation>
    </message>
    <message>
        <source>The stream ended inside a JSON value</source>
        <translation>流在 JSON 值的中间结束了</translation>
    </message>
</context>
<context>
    <name>YamlDocument</name>
    <message>
        <source>invalid YAML: %1</source>
        <translation>YAML 无效：%1</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
</context>
<context>
    <name>YamlGuard</name>
    <message>
        <source>a &apos;,&apos; outside [ ] or { }</source>
        <translation>在 [ ] 或 { } 之外出现了 &apos;,&apos;</translation>
    </message>
    <message>
        <source>the YAML parser makes no progress here</source>
        <translation>YAML 解析器在此处无法继续</translation>
    </message>
    <message>
        <source>an alias refers to the node it is in (a cycle)</source>
        <translation>别名引用了包含它自身的节点（循环）</translation>
    </message>
    <message>
        <source>its aliases expand to more than %1 nodes</source>
        <translation>其别名展开后超过 %1 个节点</translation>
    </message>
    <message>
        <source>it is nested more than %1 levels deep</source>
        <translation>嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <source>%1: the file is larger than %2 MiB</source>
        <translation>%1：文件大于 %2 MiB</translation>
    </message>
    <message>
        <source>%1:%2: not loaded: %3</source>
        <translation>%1:%2：未加载：%3</translation>
    </message>
</context>
<context>
    <name>YamlKeysText</name>
    <message>
        <source>%1: unknown key &apos;%2&apos; (expected one of: %3)</source>
        <translation>%1：未知的键 &apos;%2&apos;（应为以下之一：%3）</translation>
    </message>
    <message>
        <source>%1: duplicate key &apos;%2&apos;</source>
        <translation>%1：重复的键 &apos;%2&apos;</translation>
    </message>
</context>
</TS>
