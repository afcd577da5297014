// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpclient.h"
#include "neterror.h"

#include <curl/curl.h>

// How HttpClient turns a request and its transport settings into libcurl options, one group
// at a time, on an easy handle that was just reset. Kept apart from the transfer's state
// (HttpClient::Private) so that each group can be read and checked on its own.
namespace CurlOptions {

// A header list that libcurl reads while the transfer runs: it must outlive the transfer.
struct SList
{
    curl_slist *list = nullptr;
    ~SList() { curl_slist_free_all(list); }
    void append(const QByteArray &line) { list = curl_slist_append(list, line.constData()); }
};

// A translated Config error when a header name or value could smuggle in another header;
// remembers Authorization and Proxy-Authorization values for SecretRedaction.
NetError vetHeaders(const HttpRequest &request);
// URL, the Host and CONNECT_TO of tlsServerName, and the request's headers.
void setTarget(CURL *curl, const HttpRequest &request, const TransportSettings &transport,
               SList *headers, SList *connectTo);
void setMethod(CURL *curl, const HttpRequest &request);
// HTTP version, compression, timeouts (a stream has an idle limit, a request a total one)
// and keep-alive.
void setConnection(CURL *curl, const TransportSettings &transport, const HttpLimits &limits,
                   bool streaming, int idleTimeoutSeconds);
// Trusted CA, verification and client certificate.
void setTls(CURL *curl, const TransportSettings &transport);
void setProxy(CURL *curl, const TransportSettings &transport);

} // namespace CurlOptions
