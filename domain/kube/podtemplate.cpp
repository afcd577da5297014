// SPDX-License-Identifier: GPL-3.0-or-later
#include "podtemplate.h"

static QStringList imagesOf(const QList<ContainerSpec> &containers)
{
    QStringList images;
    images.reserve(containers.size());
    for (const ContainerSpec &container : containers)
        images.append(container.image);
    return images;
}

QStringList PodTemplate::images() const
{
    return imagesOf(containers);
}

QStringList PodTemplate::initContainerImages() const
{
    return imagesOf(initContainers);
}
