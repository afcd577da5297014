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
            <source>Try 'release-dashboard --help'.</source>
            <translation>请运行 'release-dashboard --help' 查看用法。</translation>
        </message>
        <message>
            <source>To look around without a cluster, start release-dashboard --demo.</source>
            <translation>没有集群也想先看看？请运行 release-dashboard --demo。</translation>
        </message>
    </context>
    <context>
        <name>CommandLine</name>
        <message>
            <source>Release Dashboard: Argo Rollouts across every environment.

Without a command it opens the window. Commands:
  get rollouts [-A | -n NS] [--context C | --env E] [-o table|wide|json]
  get rollout NAME [-n NS] [--context C | --env E] [-o table|wide|json]</source>
            <translation>Release Dashboard：跨所有环境查看 Argo Rollouts。

不带命令时打开窗口。命令：
  get rollouts [-A | -n NS] [--context C | --env E] [-o table|wide|json]
  get rollout NAME [-n NS] [--context C | --env E] [-o table|wide|json]</translation>
        </message>
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
            <source>User interface language, e.g. en or zh_CN (default: the system's).</source>
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
            <source>get: only namespace NS (default: the context's).</source>
            <translation>get：只看命名空间 NS（默认：上下文的命名空间）。</translation>
        </message>
        <message>
            <source>get: only the environment of kubeconfig context C.</source>
            <translation>get：只看 kubeconfig 上下文 C 对应的环境。</translation>
        </message>
        <message>
            <source>get: only environment E.</source>
            <translation>get：只看环境 E。</translation>
        </message>
        <message>
            <source>get: output format: table (default), wide or json.</source>
            <translation>get：输出格式：table（默认）、wide 或 json。</translation>
        </message>
        <message>
            <source>get rollouts | get rollout NAME</source>
            <translation>get rollouts | get rollout NAME</translation>
        </message>
        <message>
            <source>--demo and --kubeconfig cannot be combined: the demo writes its own kubeconfig</source>
            <translation>--demo 与 --kubeconfig 不能同时使用：演示会写入自己的 kubeconfig</translation>
        </message>
        <message>
            <source>unknown command '%1' (commands: get)</source>
            <translation>未知命令 '%1'（可用命令：get）</translation>
        </message>
        <message>
            <source>get: name a resource: rollouts, or rollout NAME</source>
            <translation>get：请指定资源：rollouts，或 rollout NAME</translation>
        </message>
        <message>
            <source>get rollout: the rollout's NAME is missing</source>
            <translation>get rollout：缺少发布的名称 NAME</translation>
        </message>
        <message>
            <source>get rollout: unexpected argument '%1'</source>
            <translation>get rollout：多余的参数 '%1'</translation>
        </message>
        <message>
            <source>get: unknown resource '%1' (known: rollouts)</source>
            <translation>get：未知资源 '%1'（支持：rollouts）</translation>
        </message>
        <message>
            <source>get rollouts: unexpected argument '%1'</source>
            <translation>get rollouts：多余的参数 '%1'</translation>
        </message>
        <message>
            <source>--%1 is only valid with the get command</source>
            <translation>--%1 只能与 get 命令一起使用</translation>
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
            <source>-o: unknown output format '%1' (formats: table, wide, json)</source>
            <translation>-o：未知输出格式 '%1'（可用格式：table、wide、json）</translation>
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
            <source>TLS verification is off for this context (insecure-skip-tls-verify): the server's identity is not checked.</source>
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
        <name>DemoFleet</name>
        <message>
            <source>The demo scenario is missing from the application's resources</source>
            <translation>应用资源中缺少演示场景</translation>
        </message>
        <message>
            <source>The demo fleet did not start: %1</source>
            <translation>演示集群组未能启动：%1</translation>
        </message>
    </context>
    <context>
        <name>DetailPane</name>
        <message>
            <source>Select a rollout to see its steps, ReplicaSets and analysis</source>
            <translation>选择一个发布，查看它的步骤、ReplicaSet 和分析</translation>
        </message>
        <message>
            <source>The steps, ReplicaSets and analysis of this rollout will be shown here.</source>
            <translation>此发布的步骤、ReplicaSet 和分析将显示在这里。</translation>
        </message>
    </context>
    <context>
        <name>EnvironmentConfig</name>
        <message>
            <source>unknown key '%1' (expected one of: %2)</source>
            <translation>未知的键 '%1'（应为以下之一：%2）</translation>
        </message>
        <message>
            <source>duplicate key '%1'</source>
            <translation>重复的键 '%1'</translation>
        </message>
        <message>
            <source>%1: must be a string</source>
            <translation>%1：必须是字符串</translation>
        </message>
        <message>
            <source>%1: must be a mapping with at least a 'name'</source>
            <translation>%1：必须是至少包含 'name' 的映射</translation>
        </message>
        <message>
            <source>%1: 'name' is missing</source>
            <translation>%1：缺少 'name'</translation>
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
            <source>%1: '%2' is listed twice</source>
            <translation>%1：'%2' 重复列出</translation>
        </message>
        <message>
            <source>%1.order: '%2' is not an integer</source>
            <translation>%1.order：'%2' 不是整数</translation>
        </message>
        <message>
            <source>%1.colour: '%2' is not a colour of the form #rrggbb</source>
            <translation>%1.colour：'%2' 不是 #rrggbb 形式的颜色</translation>
        </message>
        <message>
            <source>%1.readOnly: must be true or false</source>
            <translation>%1.readOnly：必须是 true 或 false</translation>
        </message>
        <message>
            <source>invalid YAML: %1</source>
            <translation>YAML 无效：%1</translation>
        </message>
        <message>
            <source>the file is empty; expected an 'environments' list</source>
            <translation>文件为空；应包含 'environments' 列表</translation>
        </message>
        <message>
            <source>expected a mapping with an 'environments' list</source>
            <translation>应为包含 'environments' 列表的映射</translation>
        </message>
        <message>
            <source>'environments' is missing</source>
            <translation>缺少 'environments'</translation>
        </message>
        <message>
            <source>environments: must be a non-empty list</source>
            <translation>environments：必须是非空列表</translation>
        </message>
        <message>
            <source>environments[%1].name: '%2' is already defined on line %3</source>
            <translation>environments[%1].name：'%2' 已在第 %3 行定义</translation>
        </message>
        <message>
            <source>%1: cannot read: %2</source>
            <translation>%1：无法读取：%2</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>environments[%1].context: context '%2' of environment '%3' is not in the kubeconfig (contexts: %4)</source>
            <translation>environments[%1].context：环境 '%3' 的上下文 '%2' 不在 kubeconfig 中（现有上下文：%4）</translation>
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
    </context>
    <context>
        <name>ExecPlugin</name>
        <message>
            <source>exec plugin "%1" (user "%2")</source>
            <translation>exec 插件 "%1"（用户 "%2"）</translation>
        </message>
        <message>
            <source>%1 printed output that is not a JSON object</source>
            <translation>%1 输出的内容不是 JSON 对象</translation>
        </message>
        <message>
            <source>%1 returned apiVersion "%2", expected "%3"</source>
            <translation>%1 返回的 apiVersion 为 "%2"，应为 "%3"</translation>
        </message>
        <message>
            <source>%1 returned kind "%2", expected "ExecCredential"</source>
            <translation>%1 返回的 kind 为 "%2"，应为 "ExecCredential"</translation>
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
            <source>%1 returned an invalid expirationTimestamp "%2"</source>
            <translation>%1 返回了无效的 expirationTimestamp "%2"</translation>
        </message>
        <message>
            <source>%1 could not be started: %2</source>
            <translation>%1 无法启动：%2</translation>
        </message>
        <message>
            <source>%1 did not finish within %2 seconds</source>
            <translation>%1 未在 %2 秒内结束</translation>
        </message>
        <message>
            <source>%1 crashed</source>
            <translation>%1 崩溃了</translation>
        </message>
        <message>
            <source>%1 failed with exit code %2</source>
            <translation>%1 失败，退出码 %2</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Filter by name, namespace or image (Ctrl+F)</source>
            <translation>按名称、命名空间或镜像筛选（Ctrl+F）</translation>
        </message>
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
    </context>
    <context>
        <name>FleetSetup</name>
        <message>
            <source>The kubeconfig (%1) defines no contexts: there is no environment to show</source>
            <translation>kubeconfig（%1）中没有定义任何上下文：没有可显示的环境</translation>
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
        <name>GetCommand</name>
        <message>
            <source>unknown environment '%1' (environments: %2)</source>
            <translation>未知环境 '%1'（现有环境：%2）</translation>
        </message>
        <message>
            <source>context '%1' is not in the kubeconfig (contexts: %2)</source>
            <translation>上下文 '%1' 不在 kubeconfig 中（现有上下文：%2）</translation>
        </message>
        <message>
            <source>%1: rollout "%2" not found in namespace "%3"</source>
            <translation>%1：在命名空间 "%3" 中找不到发布 "%2"</translation>
        </message>
        <message>
            <source>No rollouts found in %1.</source>
            <translation>在 %1 中没有找到发布。</translation>
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
            <source>unknown watch event type "%1"</source>
            <translation>未知的 watch 事件类型 "%1"</translation>
        </message>
        <message>
            <source>watch event without an object</source>
            <translation>watch 事件缺少 object</translation>
        </message>
    </context>
    <context>
        <name>JsonDecoder::Private</name>
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
            <source>Context "%1" not found in %2</source>
            <translation>在 %2 中找不到上下文 "%1"</translation>
        </message>
        <message>
            <source>no cluster given</source>
            <translation>未指定集群</translation>
        </message>
        <message>
            <source>cluster "%1" not found</source>
            <translation>找不到集群 "%1"</translation>
        </message>
        <message>
            <source>user "%1" not found</source>
            <translation>找不到用户 "%1"</translation>
        </message>
        <message>
            <source>namespace "%1" is not a valid DNS label</source>
            <translation>命名空间 "%1" 不是有效的 DNS 标签</translation>
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
            <source>server "%1" is not an http or https URL</source>
            <translation>server "%1" 不是 http 或 https URL</translation>
        </message>
        <message>
            <source>proxy-url "%1" must be an http, https or socks5 URL</source>
            <translation>proxy-url "%1" 必须是 http、https 或 socks5 URL</translation>
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
            <source>invalid apiVersion "%1"; use %2 or %3</source>
            <translation>apiVersion "%1" 无效；请使用 %2 或 %3</translation>
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
            <source>invalid interactiveMode "%1"; use Never, IfAvailable or Always</source>
            <translation>interactiveMode "%1" 无效；请使用 Never、IfAvailable 或 Always</translation>
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
            <source>the auth-provider "%1" is not supported; use an exec credential plugin instead</source>
            <translation>不支持 auth-provider "%1"；请改用 exec 凭据插件</translation>
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
            <source>%1: user "%2": cannot read tokenFile %3: %4</source>
            <translation>%1：用户 "%2"：无法读取 tokenFile %3：%4</translation>
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
    </context>
    <context>
        <name>MessageBanner</name>
        <message>
            <source>Dismiss</source>
            <translation>关闭</translation>
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
            <translation>等待晋级后验证完成</translation>
        </message>
        <message>
            <source>old replicas are pending termination</source>
            <translation>旧副本等待终止</translation>
        </message>
        <message>
            <source>waiting for all steps to complete</source>
            <translation>等待所有步骤完成</translation>
        </message>
    </context>
    <context>
        <name>StatusDelegate</name>
        <message>
            <source>Needs attention</source>
            <translation>需要关注</translation>
        </message>
    </context>
    <context>
        <name>WatchFramer</name>
        <message>
            <source>Unexpected '%1' in the JSON stream</source>
            <translation>JSON 流中出现了意外的 '%1'</translation>
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
</TS>
