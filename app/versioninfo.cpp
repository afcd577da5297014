// SPDX-License-Identifier: GPL-3.0-or-later
#include "versioninfo.h"

#include <curl/curl.h>
#include <yaml-cpp/yaml.h>

#ifndef RD_VERSION
#define RD_VERSION "0.0.0"
#endif
#ifndef RD_YAML_CPP_VERSION
#define RD_YAML_CPP_VERSION "unknown"
#endif

QString VersionInfo::application()
{
    return QStringLiteral(RD_VERSION);
}

QString VersionInfo::qt()
{
    return QString::fromLatin1(qVersion());
}

QString VersionInfo::curl()
{
    const curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    QString text = QString::fromLatin1(info->version);
    if (info->ssl_version)
        text += QStringLiteral(" (%1)").arg(QString::fromLatin1(info->ssl_version));
    return text;
}

QString VersionInfo::yamlCpp()
{
    // yaml-cpp has no version macro in 0.7; CMake reads the package's version at configure
    // time (pkg-config yaml-cpp) when the header does not say.
#ifdef YAML_CPP_VERSION
    return QString::fromLatin1(YAML_CPP_VERSION);
#else
    return QString::fromLatin1(RD_YAML_CPP_VERSION);
#endif
}

QList<QPair<QString, QString>> VersionInfo::libraries()
{
    return {
        {QStringLiteral("Qt"), qt()},
        {QStringLiteral("libcurl"), curl()},
        {QStringLiteral("yaml-cpp"), yamlCpp()},
    };
}
