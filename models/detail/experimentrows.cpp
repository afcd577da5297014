// SPDX-License-Identifier: GPL-3.0-or-later
#include "experimentrows.h"

#include "detailtext.h"
#include "podrows.h"
#include "rollouttree.h"

#include <QStringList>

using Tone = DetailRoles::Tone;

const QString ExperimentRows::stateKey = QStringLiteral("#state");

namespace {

void setAnalysisPhase(DetailCell &cell, const QString &phase)
{
    const QString shown = phase.isEmpty() ? QStringLiteral("Pending") : phase;
    cell.text = DetailText::analysisPhaseName(shown);
    cell.symbol = DetailText::analysisSymbolPhase(shown);
    cell.tone = DetailText::analysisPhaseTone(shown);
    cell.toolTip = ExperimentRows::iconToolTip(PluginIcon::forAnalysis(shown));
}

} // namespace

QString ExperimentRows::iconToolTip(const QString &icon)
{
    return tr("%1 %2 (the kubectl plugin's icon)").arg(icon, PluginIcon::meaningText(icon));
}

DetailRow ExperimentRows::experimentRow(const ExperimentDetail &entry, const RolloutDetail &detail,
                                        const QDateTime &now, const ReplicaSetColumns &columns)
{
    const Experiment &experiment = entry.experiment;
    DetailRow row(columns.count);
    QStringList tip {
        tr("Experiment %1").arg(experiment.metadata.name),
        tr("Created: %1").arg(DetailText::timestamp(experiment.metadata.creationTimestamp))};
    if (!experiment.duration.isEmpty())
        tip.append(tr("Duration: %1").arg(experiment.duration));
    if (!experiment.message.isEmpty())
        tip.append(experiment.message);
    row.cell(columns.name) = {experiment.metadata.name, tip.join(QLatin1Char('\n'))};
    row.cell(columns.name).bold = true;
    if (experiment.revision() > 0)
        row.cell(columns.revision).text = QString::number(experiment.revision());
    const bool current = experiment.metadata.name == detail.rollout.status.currentExperiment;
    DetailCell &role = row.cell(columns.role);
    role.text = current ? tr("current experiment") : tr("experiment");
    role.toolTip = role.text; // elided in the column when bold
    role.bold = current;
    setAnalysisPhase(row.cell(columns.status), experiment.phase);
    qint32 available = 0;
    qint32 desired = 0;
    for (const ExperimentTemplateSpec &spec : experiment.templates)
        desired += spec.replicas.value_or(1);
    for (const ExperimentTemplateStatus &status : experiment.templateStatuses)
        available += status.availableReplicas;
    row.cell(columns.ready) = {tr("%1/%2").arg(available).arg(desired),
                               tr("%1 available of %2 desired over %n template(s)", nullptr,
                                  int(experiment.templates.size()))
                                   .arg(available)
                                   .arg(desired)};
    row.cell(columns.age).text = DetailText::age(experiment.metadata.creationTimestamp, now);
    QStringList shown;
    QStringList full;
    for (const ImageInfo &image : RolloutTree::experimentImages(entry)) {
        const QString tags = image.tags.join(QStringLiteral(", "));
        shown.append(tags.isEmpty() ? DetailText::shortImage(image.image)
                                    : tr("%1 (%2)").arg(DetailText::shortImage(image.image), tags));
        full.append(tags.isEmpty() ? image.image : tr("%1 (%2)").arg(image.image, tags));
    }
    row.cell(columns.images) = {shown.join(QStringLiteral(", ")), full.join(QLatin1Char('\n'))};
    row.expandedByDefault = current || !experiment.isCompleted();
    return row;
}

DetailRow ExperimentRows::stateRow(const ExperimentDetail &entry, const RolloutDetail &detail,
                                   const QDateTime &now)
{
    const Experiment &experiment = entry.experiment;
    QString text;
    if (experiment.metadata.name == detail.rollout.status.currentExperiment)
        text = RolloutTree::experimentStepState(detail, now);
    if (text.isEmpty()) {
        text = experiment.duration.isEmpty()
            ? tr("Runs until its analyses finish")
            : tr("Runs for %1 once its pods are available").arg(experiment.duration);
        if (experiment.availableAt.isValid())
            text += tr("; available since %1").arg(DetailText::timestamp(experiment.availableAt));
    }
    DetailRow row(1);
    row.cell(0) = {text, text};
    row.firstColumnSpanned = true;
    return row;
}

void ExperimentRows::appendAnalyses(Node *experiment, const ExperimentDetail &entry,
                                    const ReplicaSetColumns &columns)
{
    for (const ExperimentAnalysis &analysis : entry.experiment.analyses) {
        const ExperimentAnalysisRunStatus *status = nullptr;
        for (const ExperimentAnalysisRunStatus &candidate : entry.experiment.analysisRuns) {
            if (candidate.name == analysis.name)
                status = &candidate;
        }
        DetailRow row(columns.count);
        row.cell(columns.name) = {analysis.name,
                                  status && !status->analysisRun.isEmpty()
                                      ? tr("AnalysisRun %1").arg(status->analysisRun)
                                      : tr("No AnalysisRun yet")};
        const QString role = analysis.requiredForCompletion
            ? tr("analysis %1, required for completion").arg(analysis.templateName)
            : tr("analysis %1").arg(analysis.templateName);
        row.cell(columns.role) = {role, role}; // the column is narrower than the longer text
        setAnalysisPhase(row.cell(columns.status), status ? status->phase : QString());
        if (status && !status->message.isEmpty())
            row.cell(columns.status).toolTip += QLatin1Char('\n') + status->message;
        experiment->append(QStringLiteral("analysis:") + analysis.name, std::move(row));
    }
}

void ExperimentRows::appendJobs(Node *run, const QList<Job> &jobs,
                                const QHash<QString, QList<Pod>> &podsByJobUid,
                                const QDateTime &now, const RunColumns &columns)
{
    const PodRows::Columns podColumns {columns.name, columns.phase, columns.summary, columns.values,
                                       columns.when};
    for (const Job &job : jobs) {
        Node *parent = run;
        for (const auto &child : run->children) {
            if (!job.metricName().isEmpty() && child->key == job.metricName())
                parent = child.get();
        }
        DetailRow row(columns.count);
        row.cell(columns.name) = {job.metadata.name, tr("Job %1").arg(job.metadata.name)};
        setAnalysisPhase(row.cell(columns.phase), job.analysisPhase());
        for (const Condition &condition : job.conditions) {
            if (!condition.message.isEmpty())
                row.cell(columns.phase).toolTip += QLatin1Char('\n') + condition.message;
        }
        row.cell(columns.summary).text = tr("%1 active, %2 succeeded, %3 failed")
                                             .arg(job.active)
                                             .arg(job.succeeded)
                                             .arg(job.failed);
        QStringList images = job.podTemplate.images();
        row.cell(columns.values)
            = {images.join(QStringLiteral(", ")), images.join(QLatin1Char('\n'))};
        const QDateTime started
            = job.startTime.isValid() ? job.startTime : job.metadata.creationTimestamp;
        row.cell(columns.when) = {DetailText::ago(started, now),
                                  tr("Started: %1").arg(DetailText::timestamp(started))};
        row.expandedByDefault = job.analysisPhase() == QLatin1String("Failed");
        Node *node = parent->append(QStringLiteral("job:") + job.metadata.uid, std::move(row));
        for (const Pod &pod : podsByJobUid.value(job.metadata.uid))
            node->append(PodRows::key(pod), PodRows::row(pod, now, podColumns));
    }
}
