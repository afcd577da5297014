// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstrunpage.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

FirstRunPage::FirstRunPage(QWidget *parent) :
    QWidget(parent),
    m_reason(new QLabel(this)),
    m_demo(new QPushButton(tr("Start the Demo"), this)),
    m_open(new QPushButton(tr("Open Kubeconfig…"), this))
{
    setObjectName(QStringLiteral("firstRunPage"));
    auto *title = new QLabel(tr("Welcome to Release Dashboard"), this);
    title->setObjectName(QStringLiteral("firstRunTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(
        tr("Every rollout of every cluster in one window: what is deployed, how each canary "
           "or blue-green is doing, and pause or abort in one click."),
        this);
    intro->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("firstRunReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette quiet = m_reason->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_reason->setPalette(quiet);
    auto *demoText = new QLabel(tr("Look around on a simulated fleet of three clusters (dev, "
                                   "staging, prod) with canaries in every state. Nothing leaves "
                                   "this computer."),
                                this);
    demoText->setWordWrap(true);
    auto *openText = new QLabel(tr("Or pick the kubeconfig file of your clusters. Each "
                                   "cluster becomes one environment; you can choose which "
                                   "afterwards (File > Choose Environments)."),
                                this);
    openText->setWordWrap(true);
    m_demo->setObjectName(QStringLiteral("startDemoButton"));
    m_open->setObjectName(QStringLiteral("openKubeconfigButton"));
    m_demo->setDefault(true);

    auto *column = new QVBoxLayout;
    column->setSpacing(12);
    column->addWidget(title);
    column->addWidget(intro);
    column->addWidget(m_reason);
    column->addSpacing(8);
    column->addWidget(demoText);
    column->addWidget(m_demo, 0, Qt::AlignLeft);
    column->addSpacing(8);
    column->addWidget(openText);
    column->addWidget(m_open, 0, Qt::AlignLeft);
    auto *box = new QWidget(this);
    box->setLayout(column);
    box->setMaximumWidth(620);
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(box, 0, Qt::AlignVCenter);
    outer->addStretch(1);

    connect(m_demo, &QPushButton::clicked, this, &FirstRunPage::demoRequested);
    connect(m_open, &QPushButton::clicked, this, &FirstRunPage::chooseKubeconfig);
}

void FirstRunPage::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

QString FirstRunPage::reason() const
{
    return m_reason->text();
}

void FirstRunPage::chooseKubeconfig()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Kubeconfig"), QDir::home().filePath(QStringLiteral(".kube")),
        tr("Kubeconfig files (*config* *.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        emit kubeconfigChosen(path);
}
