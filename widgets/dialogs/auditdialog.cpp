// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditdialog.h"

#include "auditmodel.h"
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

AuditDialog::AuditDialog(const QString &path, QWidget *parent) :
    QDialog(parent),
    m_path(path),
    m_model(new AuditModel(this)),
    m_proxy(new QSortFilterProxyModel(this)),
    m_table(new QTableView(this)),
    m_filter(new QLineEdit(this)),
    m_status(new QLabel(this))
{
    setWindowTitle(tr("Audit log"));
    resize(1100, 520);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setPlaceholderText(tr("Filter by environment, rollout, user, action or result"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *reloadButton = buttons->addButton(tr("Reload"), QDialogButtonBox::ActionRole);
    connect(reloadButton, &QPushButton::clicked, this, &AuditDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
}

void AuditDialog::reload()
{
    const AuditFile file = readAuditFile(m_path);
    m_model->setFile(file);
    m_table->resizeColumnsToContents();
    QString status = tr("Actions: %1 · file: %2").arg(m_model->rowCount()).arg(m_path);
    if (!file.problems.isEmpty())
        status += QLatin1Char('\n') + tr("Unreadable lines: %1").arg(file.problems.join(u"; "));
    m_status->setText(status);
}

void AuditDialog::showEvent(QShowEvent *event)
{
    reload();
    QDialog::showEvent(event);
}
