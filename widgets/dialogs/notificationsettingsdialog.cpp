// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationsettingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

NotificationSettingsDialog::NotificationSettingsDialog(const QStringList &environments,
                                                       const NotificationSettings &settings,
                                                       QWidget *parent) :
    QDialog(parent),
    m_environments(environments),
    m_enabled(new QCheckBox(tr("&Tell me about rollouts while I look elsewhere"), this)),
    m_table(new QTableWidget(this)),
    m_original(settings)
{
    setObjectName(QStringLiteral("notificationSettings"));
    setWindowTitle(tr("Notifications"));
    m_enabled->setObjectName(QStringLiteral("notificationsEnabled"));
    m_enabled->setChecked(settings.isEnabled());
    auto *intro = new QLabel(tr("A notification is shown when something happens while the "
                                "window watches it live: what had happened before it started "
                                "or reconnected is not announced. Choose what, per environment."),
                             this);
    intro->setWordWrap(true);

    const QList<Notice::Kind> kinds = allNoticeKinds();
    m_table->setObjectName(QStringLiteral("notificationSettingsTable"));
    m_table->setRowCount(int(environments.size()));
    m_table->setColumnCount(int(kinds.size()));
    QStringList heads;
    for (Notice::Kind kind : kinds)
        heads.append(NoticeText::kindLabel(kind));
    m_table->setHorizontalHeaderLabels(heads);
    m_table->setVerticalHeaderLabels(environments);
    // The pairs show as stored while everything is switched off, so switching on again
    // brings them back as they were.
    NotificationSettings pairs = settings;
    pairs.setEnabled(true);
    for (int row = 0; row < environments.size(); ++row) {
        for (int column = 0; column < kinds.size(); ++column) {
            auto *item = new QTableWidgetItem;
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(pairs.isEnabled(environments.at(row), kinds.at(column))
                                    ? Qt::Checked
                                    : Qt::Unchecked);
            m_table->setItem(row, column, item);
        }
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setEnabled(settings.isEnabled());
    connect(m_enabled, &QCheckBox::toggled, m_table, &QWidget::setEnabled);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_enabled);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(760, 180 + 30 * int(std::min<qsizetype>(environments.size(), 10)));
}

NotificationSettings NotificationSettingsDialog::settings() const
{
    NotificationSettings settings = m_original;
    settings.setEnabled(m_enabled->isChecked());
    const QList<Notice::Kind> kinds = allNoticeKinds();
    for (int row = 0; row < m_environments.size(); ++row) {
        for (int column = 0; column < kinds.size(); ++column)
            settings.setEnabled(m_environments.at(row), kinds.at(column),
                                m_table->item(row, column)->checkState() == Qt::Checked);
    }
    return settings;
}
