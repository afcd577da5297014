// SPDX-License-Identifier: GPL-3.0-or-later
#include "appactiondialogs.h"

#include "argotext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum HistoryColumn { IdColumn, DeployedColumn, RevisionColumn, InitiatorColumn };

// "3f2a9c1 checkout: release 1.4.2" when the commit is known, else the short revision.
QString revisionText(const QString &revision, const AppActionDialog::CommitLookup &commit)
{
    const QString subject = commit ? commit(revision).subject() : QString();
    const QString shortRevision = ArgoText::shortRevision(revision);
    return subject.isEmpty() ? shortRevision : shortRevision + QLatin1Char(' ') + subject;
}

} // namespace

AppActionDialog::AppActionDialog(Kind kind, const ArgoApplication &app, const CommitLookup &commit,
                                 const Preview &preview, QWidget *parent) :
    QDialog(parent),
    m_kind(kind),
    m_app(app),
    m_preview(preview),
    m_prune(new QCheckBox(tr("Prune: delete resources that are no longer in Git"), this)),
    m_dryRun(new QCheckBox(tr("Dry run: Argo CD checks and reports, nothing changes"), this)),
    m_request(new QPlainTextEdit(this))
{
    const bool sync = kind == Kind::Sync;
    setObjectName(sync ? QStringLiteral("syncDialog") : QStringLiteral("rollbackDialog"));
    setWindowTitle(sync ? tr("Sync %1 (%2)").arg(app.name, app.environment)
                        : tr("Roll back %1 (%2)").arg(app.name, app.environment));
    auto *question = new QLabel(
        (sync ? tr("Sync application %1 of Argo CD %2 in environment %3 to Git?")
              : tr("Roll application %1 of Argo CD %2 in environment %3 back to an earlier "
                   "deployment?"))
            .arg(app.name, app.instance, app.environment),
        this);
    question->setWordWrap(true);
    m_prune->setObjectName(QStringLiteral("pruneBox"));
    m_dryRun->setObjectName(QStringLiteral("dryRunBox"));
    m_request->setObjectName(QStringLiteral("requestPreview"));
    m_request->setReadOnly(true);
    m_request->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_request->setMaximumHeight(m_request->fontMetrics().height() * 6);

    auto *buttons = new QDialogButtonBox(this);
    m_go = buttons->addButton(sync ? tr("Sync") : tr("Roll back"), QDialogButtonBox::AcceptRole);
    m_go->setObjectName(QStringLiteral("goButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_go->setAutoDefault(false);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    if (sync)
        buildRevisions(commit);
    else
        buildHistory(commit);
    layout->addWidget(sync ? static_cast<QWidget *>(m_revision) : m_history, sync ? 0 : 1);
    layout->addWidget(m_prune);
    layout->addWidget(m_dryRun);
    layout->addWidget(new QLabel(tr("What will be sent:"), this));
    layout->addWidget(m_request);
    layout->addWidget(buttons);
    connect(m_prune, &QCheckBox::toggled, this, &AppActionDialog::update);
    connect(m_dryRun, &QCheckBox::toggled, this, &AppActionDialog::update);
    resize(680, sync ? 300 : 420);
    update();
}

void AppActionDialog::buildRevisions(const CommitLookup &commit)
{
    m_revision = new QComboBox(this);
    m_revision->setObjectName(QStringLiteral("revisionBox"));
    // Editable: any Git revision (a SHA, a tag) can be typed; the list offers the target
    // and what was deployed before.
    m_revision->setEditable(true);
    const QString target
        = m_app.sources.isEmpty() ? QString() : m_app.sources.first().targetRevision;
    m_revision->addItem(tr("Target revision (%1)").arg(target.isEmpty() ? tr("HEAD") : target),
                        QString());
    QStringList seen;
    for (auto it = m_app.history.crbegin(); it != m_app.history.crend(); ++it) {
        if (it->revision.isEmpty() || seen.contains(it->revision))
            continue;
        seen.append(it->revision);
        m_revision->addItem(revisionText(it->revision, commit), it->revision);
    }
    m_revision->setCurrentIndex(0);
    connect(m_revision, &QComboBox::currentTextChanged, this, &AppActionDialog::update);
}

void AppActionDialog::buildHistory(const CommitLookup &commit)
{
    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("historyList"));
    m_history->setHeaderLabels({tr("ID"), tr("Deployed"), tr("Revision"), tr("Started by")});
    m_history->setRootIsDecorated(false);
    m_history->header()->setStretchLastSection(false);
    m_history->header()->setSectionResizeMode(RevisionColumn, QHeaderView::Stretch);
    // Newest first; the entry deployed now is not a rollback target.
    for (qsizetype i = m_app.history.size() - 2; i >= 0; --i) {
        const ArgoHistoryEntry &entry = m_app.history.at(i);
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(IdColumn, QString::number(entry.id));
        item->setData(IdColumn, Qt::UserRole, entry.id);
        item->setText(DeployedColumn,
                      entry.deployedAtMs > 0 ? QDateTime::fromMSecsSinceEpoch(entry.deployedAtMs)
                                                   .toLocalTime()
                                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                             : QString());
        item->setText(RevisionColumn, revisionText(entry.revision, commit));
        item->setToolTip(RevisionColumn, entry.revision);
        item->setText(InitiatorColumn, ArgoText::initiator(entry.initiatedBy));
    }
    m_history->resizeColumnToContents(IdColumn);
    m_history->resizeColumnToContents(DeployedColumn);
    if (m_history->topLevelItemCount() > 0)
        m_history->setCurrentItem(m_history->topLevelItem(0));
    connect(m_history, &QTreeWidget::itemSelectionChanged, this, &AppActionDialog::update);
}

AppActionChoice AppActionDialog::choice() const
{
    AppActionChoice choice;
    choice.prune = m_prune->isChecked();
    choice.dryRun = m_dryRun->isChecked();
    if (m_revision) {
        const int index = m_revision->findText(m_revision->currentText());
        choice.revision = index >= 0 ? m_revision->itemData(index).toString()
                                     : m_revision->currentText().trimmed();
    }
    if (m_history) {
        const QList<QTreeWidgetItem *> selected = m_history->selectedItems();
        choice.historyId
            = selected.isEmpty() ? 0 : selected.first()->data(IdColumn, Qt::UserRole).toLongLong();
    }
    return choice;
}

QString AppActionDialog::request() const
{
    return m_request->toPlainText();
}

void AppActionDialog::update()
{
    const AppActionChoice chosen = choice();
    const bool ready = m_kind == Kind::Sync || chosen.historyId > 0;
    m_go->setEnabled(ready);
    if (m_kind == Kind::Sync)
        m_go->setText(chosen.dryRun ? tr("Dry run") : tr("Sync"));
    else
        m_go->setText(chosen.dryRun ? tr("Dry run") : tr("Roll back"));
    if (!ready)
        m_request->setPlainText(m_app.hasHistory
                                    ? tr("There is no earlier deployment to roll back to.")
                                    : tr("The deployment history has not been read yet."));
    else
        m_request->setPlainText(m_preview ? m_preview(chosen) : QString());
}
