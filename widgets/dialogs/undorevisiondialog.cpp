// SPDX-License-Identifier: GPL-3.0-or-later
#include "undorevisiondialog.h"

#include "detailstyle.h"
#include "replicasetstatus.h"
#include "rolloutaction.h"
#include "rolloutstatus.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { Revision, Images, Age, Pods };

} // namespace

UndoRevisionDialog::UndoRevisionDialog(const RolloutDetail &detail, const QDateTime &now,
                                       QWidget *parent) :
    QDialog(parent), m_list(new QTreeWidget(this)), m_rollBack(nullptr)
{
    setObjectName(QStringLiteral("undoRevisionDialog"));
    const Rollout &rollout = detail.rollout;
    const RolloutTarget target {detail.environment, rollout.metadata.namespaceName,
                                rollout.metadata.name};
    setWindowTitle(tr("Roll back %1").arg(target.displayName()));
    auto *question = new QLabel(rolloutActionQuestion(RolloutAction::Undo, target)
                                    + QLatin1Char(' ') + rolloutActionEffect(RolloutAction::Undo),
                                this);
    question->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("revisionList"));
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({tr("Revision"), tr("Images"), tr("Age"), tr("Pods")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->header()->setSectionResizeMode(Images, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    const qint64 current = rolloutRevision(rollout, detail.replicaSets);
    for (const ReplicaSet &rs : ownedReplicaSets(detail.replicaSets, rollout.metadata.uid)) {
        const qint64 revision = rs.revision();
        if (revision <= 0 || revision == current)
            continue;
        QStringList images;
        for (const ContainerSpec &container : rs.podTemplate.containers)
            images.append(container.image);
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(Revision, QString::number(revision));
        item->setData(Revision, Qt::UserRole, revision);
        item->setText(Images, images.join(QStringLiteral(", ")));
        item->setToolTip(Images, images.join(QLatin1Char('\n')));
        item->setText(Age, DetailStyle::age(rs.metadata.creationTimestamp, now));
        item->setText(Pods, QString::number(rs.replicas));
    }
    m_list->resizeColumnToContents(Revision);

    auto *buttons = new QDialogButtonBox(this);
    m_rollBack = buttons->addButton(tr("Roll back"), QDialogButtonBox::AcceptRole);
    m_rollBack->setObjectName(QStringLiteral("rollBackButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // A slip of the Enter key must not roll production back.
    m_rollBack->setAutoDefault(false);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_rollBack->setEnabled(revision() > 0); });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    if (m_list->topLevelItemCount() == 0) {
        auto *none = new QLabel(tr("There is no earlier revision to roll back to."), this);
        layout->addWidget(none);
        m_list->hide();
    }
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(640, 320);
    // The previous revision first: what the plugin's undo picks without --to-revision.
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_rollBack->setEnabled(revision() > 0);
}

qint64 UndoRevisionDialog::revision() const
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return 0;
    return selected.first()->data(Revision, Qt::UserRole).toLongLong();
}

void UndoRevisionDialog::selectRevision(qint64 revision)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(Revision, Qt::UserRole).toLongLong() == revision) {
            m_list->setCurrentItem(item);
            return;
        }
    }
    m_list->clearSelection();
}

void UndoRevisionDialog::setGitOpsNote(const QString &text)
{
    if (!m_gitOps) {
        m_gitOps = new QLabel(this);
        m_gitOps->setObjectName(QStringLiteral("gitOpsNote"));
        m_gitOps->setWordWrap(true);
        // Red like a failure: Argo CD taking the undo back is what the person must weigh.
        QPalette palette = m_gitOps->palette();
        palette.setColor(QPalette::WindowText, DetailStyle::failedColour());
        m_gitOps->setPalette(palette);
        static_cast<QVBoxLayout *>(layout())->insertWidget(1, m_gitOps);
    }
    m_gitOps->setText(text);
    m_gitOps->setVisible(!text.isEmpty());
}

QString UndoRevisionDialog::gitOpsNote() const
{
    return m_gitOps ? m_gitOps->text() : QString();
}
