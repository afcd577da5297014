// SPDX-License-Identifier: GPL-3.0-or-later
#include "podtemplatehash.h"

#include "jsonutil.h"

namespace rdsim {

namespace PodTemplateHash {

quint32 fnv1a32(const QByteArray &bytes, quint32 seed)
{
    quint32 hash = seed;
    for (const char c : bytes) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return hash;
}

QString safeEncode(const QByteArray &text)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    constexpr int size = sizeof(alphabet) - 1;
    QString out;
    out.reserve(text.size());
    for (const char c : text)
        out += QLatin1Char(alphabet[quint8(c) % size]);
    return out;
}

QString ofBytes(const QByteArray &bytes)
{
    return safeEncode(QByteArray::number(fnv1a32(bytes)));
}

QString compute(const QJsonObject &podTemplate, const QString &labelKey, int collisionCount)
{
    QJsonObject normalized = podTemplate;
    QJsonObject metadata = normalized.value(QLatin1String("metadata")).toObject();
    QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    if (labels.contains(labelKey)) {
        labels.remove(labelKey);
        metadata.insert(QLatin1String("labels"), labels);
        normalized.insert(QLatin1String("metadata"), metadata);
    }
    quint32 hash = fnv1a32(JsonUtil::compact(normalized));
    if (collisionCount >= 0) {
        // As Kubernetes does: the count's four little-endian bytes continue the same hash.
        QByteArray extra(4, '\0');
        for (int i = 0; i < 4; ++i)
            extra[i] = char((quint32(collisionCount) >> (8 * i)) & 0xff);
        hash = fnv1a32(extra, hash);
    }
    return safeEncode(QByteArray::number(hash));
}

} // namespace PodTemplateHash

} // namespace rdsim
