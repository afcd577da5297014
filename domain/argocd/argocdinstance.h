// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serviceendpoint.h"

#include <QList>
#include <QMetaType>
#include <QString>

// One Argo CD API server an environment reads applications from, an item of its `argocd:`
// list. Reached directly (`url`, bearer token) or through the cluster's service proxy
// (default argocd/https:argocd-server:443) with the kubeconfig's credentials and the Argo CD
// token as the `argocd.token` cookie. Several environments may name the same server; the
// window then shows each application once per environment that reads it.
struct ArgoCdInstance
{
    QString name; // unique within the environment; default "argocd" or the URL's host
    ServiceEndpoint endpoint;

    // The defaults of an `argocd:` item before its keys are read.
    static ArgoCdInstance defaults();
    // "argocd (https://argocd.example.com)"; never a secret.
    QString describe() const;
    bool operator==(const ArgoCdInstance &o) const
    {
        return name == o.name && endpoint == o.endpoint;
    }
    bool operator!=(const ArgoCdInstance &o) const { return !(*this == o); }
};
Q_DECLARE_METATYPE(ArgoCdInstance)
