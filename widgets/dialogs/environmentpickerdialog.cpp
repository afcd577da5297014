// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentpickerdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

EnvironmentPickerDialog::EnvironmentPickerDialog(const QList<ContextGroup> &groups,
                                                 const QString &configPath, QWidget *parent) :
    QDialog(parent), m_groups(groups), m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("environmentPicker"));
    setWindowTitle(tr("Choose Environments"));
    int contexts = 0;
    for (const ContextGroup &group : groups)
        contexts += int(group.contexts.size());
    auto *intro = new QLabel(
        tr("Your kubeconfig has %1 for %2. Each cluster is one environment, through the "
           "context chosen for it (the one you act with: actions need its permissions). "
           "Untick a cluster to leave it out.",
           "%1: the contexts, %2: the clusters")
            .arg(tr("%n contexts", nullptr, contexts),
                 tr("%n clusters", nullptr, int(groups.size()))),
        this);
    intro->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("clusterList"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Environment"), tr("Context"), tr("Cluster")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(Server, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(true);
    for (const ContextGroup &group : groups) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsEditable);
        item->setCheckState(Name, Qt::Checked);
        item->setText(Name, group.environmentName);
        item->setText(Server, group.server.isEmpty() ? tr("(no cluster)") : group.server);
        item->setToolTip(Server, group.contexts.join(QStringLiteral(", ")));
        auto *combo = new QComboBox(m_list);
        combo->addItems(group.contexts);
        combo->setCurrentText(group.chosen);
        combo->setEnabled(group.contexts.size() > 1);
        m_list->setItemWidget(item, Context, combo);
    }
    m_list->resizeColumnToContents(Name);
    m_list->setColumnWidth(Name, std::max(m_list->columnWidth(Name) + 24, 140));
    m_list->setColumnWidth(Context, 200);
    connect(m_list, &QTreeWidget::itemChanged, this, &EnvironmentPickerDialog::updateButtons);

    auto *where = new QLabel(tr("Save writes %1").arg(configPath), this);
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette quiet = where->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    where->setPalette(quiet);

    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveEnvironmentsButton"));
    m_useButton = buttons->addButton(tr("Use Without Saving"), QDialogButtonBox::ApplyRole);
    m_useButton->setObjectName(QStringLiteral("useEnvironmentsButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    m_saveButton->setDefault(true);
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        m_save = true;
        accept();
    });
    connect(m_useButton, &QPushButton::clicked, this, [this] {
        m_save = false;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(where);
    layout->addWidget(buttons);
    resize(760, 420);
    updateButtons();
}

QList<EnvironmentSpec> EnvironmentPickerDialog::environments() const
{
    QList<EnvironmentSpec> specs;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->checkState(Name) != Qt::Checked)
            continue;
        const auto *combo = qobject_cast<QComboBox *>(m_list->itemWidget(item, Context));
        EnvironmentSpec spec;
        spec.context = combo ? combo->currentText() : m_groups.value(i).chosen;
        spec.name
            = item->text(Name).trimmed().isEmpty() ? spec.context : item->text(Name).trimmed();
        spec.order = int(specs.size());
        specs.append(spec);
    }
    return specs;
}

void EnvironmentPickerDialog::updateButtons()
{
    // Names must be unique and at least one cluster chosen.
    QStringList names;
    bool duplicate = false;
    for (const EnvironmentSpec &spec : environments()) {
        duplicate = duplicate || names.contains(spec.name);
        names.append(spec.name);
    }
    const bool ok = !names.isEmpty() && !duplicate;
    m_saveButton->setEnabled(ok);
    m_useButton->setEnabled(ok);
    m_saveButton->setToolTip(duplicate             ? tr("Two environments have the same name.")
                                 : names.isEmpty() ? tr("Choose at least one cluster.")
                                                   : QString());
}
