// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

// The versions the About box lists: the application and the libraries it runs on.
class VersionInfo
{
public:
    static QString application();
    static QString qt(); // qVersion(): the Qt the app runs with
    static QString curl(); // curl_version_info(): the libcurl the app runs with
    static QString yamlCpp(); // the yaml-cpp it was built against
    // (component, version) in display order: Qt, libcurl, yaml-cpp.
    static QList<QPair<QString, QString>> libraries();
};
