// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QIdentityProxyModel>
#include <QPointer>

// The detail models (models/detail/) say what a cell means (DetailRoles: tone, tint,
// symbol); this proxy shows it in DetailStyle's colours and PhaseStyle's symbols as Qt's
// foreground, background and decoration roles, so every detail view looks the same and the
// models stay free of widgets. The muted and plain text colours follow `paletteSource`.
class DetailStyleProxy : public QIdentityProxyModel
{
    Q_OBJECT

public:
    explicit DetailStyleProxy(QWidget *paletteSource);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The symbol of a DetailRoles::SymbolRole value in a colour (the steps' markers use it;
    // PhaseStyle's phases have their own), made once per symbol, colour and size.
    static QIcon symbolIcon(const QString &symbol, const QColor &colour, int size = 14);

private:
    QPointer<QWidget> m_paletteSource;
};
