// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextDocument>
#include <QVBoxLayout>

AboutDialog::AboutDialog(const QString &applicationVersion,
                         const QList<QPair<QString, QString>> &libraries, QWidget *parent) :
    QDialog(parent), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Release Dashboard"));
    QString rows;
    for (const auto &library : libraries) {
        rows += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
                    .arg(library.first.toHtmlEscaped(), library.second.toHtmlEscaped());
    }
    m_text->setText(
        QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p><p><b>%4</b></p><table>%5</table><p>%6</p>")
            .arg(tr("Release Dashboard %1").arg(applicationVersion).toHtmlEscaped(),
                 tr("Argo Rollouts canaries and blue-greens across every environment, with "
                    "their quality gates, in one window.")
                     .toHtmlEscaped(),
                 tr("Licensed under the GNU General Public License, version 3 or later.")
                     .toHtmlEscaped(),
                 tr("Running on").toHtmlEscaped(), rows,
                 tr("Copyright © the Release Dashboard authors.").toHtmlEscaped()));
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setWordWrap(true);
    m_text->setMinimumWidth(420);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
}

QString AboutDialog::plainText() const
{
    QTextDocument document;
    document.setHtml(m_text->text());
    return document.toPlainText();
}
