# SPDX-License-Identifier: GPL-3.0-or-later
# The Qt headers precompiled for the client layers and their tests (docs/PERFORMANCE.md, "CI
# build time"); the top-level CMakeLists.txt includes this once rd_app is defined. A file
# spent a third (QtCore layers) to half (widgets) of its compile time in Qt's headers, and
# CI builds every file twice (RelWithDebInfo and ASan). Each list is what most files of the layer include,
# directly or through the layer's own headers.
#
# GCC uses a precompiled header only when every macro defined on the command line for it is
# defined the same way for the file, and a macro the header tests (#ifdef) is not defined
# for the file only. With -Werror, -Winvalid-pch turns a mismatch into an error, so a header
# is shared (REUSE_FROM) only by targets whose definitions are a superset of its own and
# differ only in macros none of these headers reads. Qt's headers read QT_GUI_LIB,
# QT_WIDGETS_LIB and QT_NETWORK_LIB (QtTest only), nothing else of the QT_*_LIB macros:
#   rd_qtcore_pch     QtCore, for rd_domain, rd_net, rd_fetchers, rd_store and rd_history (they
#                     add simdjson's, Concurrent's and SQL's macros)
#   rd_models         QtCore + QtGui item models
#   rd_widgets        QtWidgets; reused by rd_app (which adds D-Bus, SQL, Concurrent, RD_*)
#   rd_test_gui_pch   QtTest with QT_GUI_LIB: tests linking rd_models (tests/CMakeLists.txt)
#   rd_test_widgets_pch  QtTest with QT_WIDGETS_LIB: tests linking rd_widgets or rd_app
# A header here that a file uses without including it compiles only because of the
# precompiled header: include what you use all the same.

set(RD_PCH_QTCORE <QString> <QStringList> <QList> <QHash> <QSet> <QByteArray> <QVariant>
    <QMetaType> <QDateTime> <QLocale> <QObject> <QTimer> <QCoreApplication> <QPointer>
    <algorithm> <functional> <memory> <optional> <utility>)

set(RD_PCH_QTGUI ${RD_PCH_QTCORE} <QAbstractItemModel> <QAbstractTableModel>
    <QSortFilterProxyModel> <QColor> <QBrush> <QFont> <QPalette> <QGuiApplication>)

set(RD_PCH_QTWIDGETS ${RD_PCH_QTGUI} <QApplication> <QWidget> <QLabel> <QPainter>
    <QVBoxLayout> <QHBoxLayout> <QHeaderView> <QTableView> <QTreeView> <QPushButton>
    <QToolButton> <QStyledItemDelegate> <QKeyEvent> <QIcon> <QStyle> <QMenu> <QAction>
    <QDialog> <QDialogButtonBox> <QLineEdit> <QComboBox> <QSplitter> <QStackedWidget>
    <QTabWidget> <QStatusBar> <QMessageBox> <QClipboard>)

# The tests' own: QtTest (which brings QtGui's or QtWidgets' test helpers with the macros
# above) and what most test files include besides. <QTest>, not the <QtTest> module header,
# which would add all of QtCore and make the header bigger and slower to load in every file.
set(RD_PCH_QTTEST <QTest> <QSignalSpy> <QAbstractItemModelTester> <QTemporaryDir> <QProcess>
    <QStandardPaths> <QFile> <QDir> <QSettings> <QJsonArray> <QJsonDocument> <QJsonObject>)

# The fuzz build (RD_FUZZ, clang) has only domain/, net/ and the simulator's scenario library;
# clang refuses a precompiled header whose macros differ from the file's, so each library
# precompiles its own (the fuzz tree's clean build is several minutes of a CI run).
if(RD_FUZZ)
    foreach(target rd_domain rd_net)
        target_precompile_headers(${target} PRIVATE ${RD_PCH_QTCORE})
    endforeach()
    return()
endif()

# The layers below the GUI: QtCore only, from a target of its own that has no definitions but
# QtCore's (rd_domain's simdjson macros would keep the others from using it).
add_library(rd_qtcore_pch STATIC ${CMAKE_CURRENT_LIST_DIR}/pch.cpp)
target_link_libraries(rd_qtcore_pch PRIVATE Qt6::Core)
set_target_properties(rd_qtcore_pch PROPERTIES AUTOMOC OFF)
target_precompile_headers(rd_qtcore_pch PRIVATE ${RD_PCH_QTCORE})
foreach(layer domain net fetchers store history)
    target_precompile_headers(rd_${layer} REUSE_FROM rd_qtcore_pch)
endforeach()

# The GUI layers: rd_models its own (QtGui, no Widgets), rd_widgets its own, and rd_app
# rd_widgets' (its definitions add only macros Qt's headers never read: Qt D-Bus, SQL,
# Concurrent, RD_*).
target_precompile_headers(rd_models PRIVATE ${RD_PCH_QTGUI})
target_precompile_headers(rd_widgets PRIVATE ${RD_PCH_QTWIDGETS})
target_precompile_headers(rd_app REUSE_FROM rd_widgets)
