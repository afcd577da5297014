// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstatusbar.h"

#include "connectionstatestyle.h"
#include "environmentmodel.h"

#include <QAbstractItemModel>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

ConnectionStatusBar::ConnectionStatusBar(QWidget *parent) :
    QWidget(parent), m_updated(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(14);
    layout->addWidget(m_updated);
    m_updated->setObjectName(QStringLiteral("lastUpdated"));
    refresh();
}

void ConnectionStatusBar::setModel(QAbstractItemModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::dataChanged, this, &ConnectionStatusBar::refresh);
        connect(m_model, &QAbstractItemModel::modelReset, this, &ConnectionStatusBar::rebuild);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConnectionStatusBar::rebuild);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConnectionStatusBar::rebuild);
    }
    rebuild();
}

void ConnectionStatusBar::rebuild()
{
    qDeleteAll(m_items);
    m_items.clear();
    auto *box = static_cast<QHBoxLayout *>(layout());
    const int rows = m_model ? m_model->rowCount() : 0;
    for (int row = 0; row < rows; ++row) {
        auto *label = new QLabel(this);
        label->setObjectName(QStringLiteral("environmentState"));
        box->insertWidget(row, label);
        m_items.append(label);
    }
    refresh();
}

void ConnectionStatusBar::refresh()
{
    m_lastUpdated = QDateTime();
    for (int row = 0; row < m_items.size(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        ConnectionState state;
        state.kind = ConnectionState::Kind(index.data(EnvironmentModel::StateRole).toInt());
        state.reason = index.data(EnvironmentModel::ReasonRole).toString();
        state.retryInSeconds = index.data(EnvironmentModel::RetryRole).toInt();
        const QString name = index.data(EnvironmentModel::NameRole).toString();
        const QDateTime updated = index.data(EnvironmentModel::LastUpdatedRole).toDateTime();
        if (updated.isValid() && (!m_lastUpdated.isValid() || updated > m_lastUpdated))
            m_lastUpdated = updated;
        QLabel *label = m_items.at(row);
        label->setText(QStringLiteral("<span style=\"color:%1\">\u25cf</span> %2 %3")
                           .arg(ConnectionStateStyle::colour(state.kind).name(),
                                name.toHtmlEscaped(),
                                ConnectionStateStyle::label(state).toHtmlEscaped()));
        label->setToolTip(
            QStringLiteral("%1: %2").arg(name, ConnectionStateStyle::description(state)));
        label->setProperty("plainText", tr("%1: %2").arg(name, ConnectionStateStyle::label(state)));
    }
    m_updated->setText(lastUpdatedText());
}

QStringList ConnectionStatusBar::itemTexts() const
{
    QStringList texts;
    for (const QLabel *label : m_items)
        texts.append(label->property("plainText").toString());
    return texts;
}

QString ConnectionStatusBar::lastUpdatedText() const
{
    if (!m_lastUpdated.isValid())
        return tr("No data yet");
    return tr("Updated %1")
        .arg(QLocale().toString(m_lastUpdated.toLocalTime().time(), QStringLiteral("HH:mm:ss")));
}
