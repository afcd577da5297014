// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoapplication.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

// What the person chose in a sync or rollback dialog; the caller turns it into a request
// for the application the dialog showed (captured when it opened, never the table's
// current row).
struct AppActionChoice
{
    QString revision; // sync: empty for the application's target revision
    qint64 historyId = 0; // rollback: the status.history entry
    bool prune = false;
    bool dryRun = false;
};

// The Applications window's questions before an Argo CD operation. Each shows the
// application with its environment and Argo CD server, the options, and exactly what will
// be sent (the caller's preview: method, path and body); Cancel is the default button so a
// slip of the Enter key sends nothing.
class AppActionDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { Sync, Rollback };
    using Preview = std::function<QString(const AppActionChoice &choice)>;
    using CommitLookup = std::function<ArgoRevisionMetadata(const QString &revision)>;

    AppActionDialog(Kind kind, const ArgoApplication &app, const CommitLookup &commit,
                    const Preview &preview, QWidget *parent = nullptr);

    AppActionChoice choice() const;
    const ArgoApplication &application() const { return m_app; }
    QString request() const; // the preview as shown
    QComboBox *revisionBox() const { return m_revision; }
    QTreeWidget *historyList() const { return m_history; }
    QCheckBox *pruneBox() const { return m_prune; }
    QCheckBox *dryRunBox() const { return m_dryRun; }
    QPushButton *goButton() const { return m_go; }

private:
    void buildRevisions(const CommitLookup &commit);
    void buildHistory(const CommitLookup &commit);
    void update();

    Kind m_kind;
    ArgoApplication m_app;
    Preview m_preview;
    QComboBox *m_revision = nullptr;
    QTreeWidget *m_history = nullptr;
    QCheckBox *m_prune;
    QCheckBox *m_dryRun;
    QPlainTextEdit *m_request;
    QPushButton *m_go = nullptr;
};
