// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario/scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace rdsim;

namespace {

const QString kManifests = QStringLiteral(RD_TEST_DATA_DIR "/manifests/");

QString describe(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    return object.value(QStringLiteral("kind")).toString() + QLatin1Char(' ')
        + metadata.value(QStringLiteral("namespace")).toString() + QLatin1Char('/')
        + metadata.value(QStringLiteral("name")).toString();
}

QJsonValue at(const QJsonObject &object, const QStringList &path)
{
    QJsonValue value = object;
    for (const QString &part : path) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(part);
    }
    return value;
}

QStringList path(const char *dotted)
{
    return QString::fromUtf8(dotted).split(QLatin1Char('.'));
}

} // namespace

class TestManifestLoader : public QObject
{
    Q_OBJECT

private slots:
    void directoryInNameOrder()
    {
        QList<QJsonObject> objects;
        QStringList origins;
        QString error;
        QVERIFY2(ManifestLoader::loadDirectory(kManifests + QStringLiteral("app"), &objects, &error,
                                               &origins),
                 qPrintable(error));
        // *.yaml, *.json and *.yml sorted by name; README.md and the sub-folder are ignored;
        // empty documents skipped; List and ServiceList flattened; missing namespaces default.
        QStringList described;
        for (const QJsonObject &object : std::as_const(objects))
            described << describe(object);
        QCOMPARE(described,
                 (QStringList {QStringLiteral("Rollout shop/checkout"),
                               QStringLiteral("Service shop/checkout"),
                               QStringLiteral("Deployment shop/storefront"),
                               QStringLiteral("Namespace /search"),
                               QStringLiteral("Service default/no-namespace"),
                               QStringLiteral("Service search/search")}));
        const QString dir = kManifests + QStringLiteral("app/");
        QCOMPARE(origins,
                 (QStringList {dir + QStringLiteral("10-rollouts.yaml:3"),
                               dir + QStringLiteral("10-rollouts.yaml:40"),
                               dir + QStringLiteral("20-list.json:6"),
                               dir + QStringLiteral("20-list.json:12"),
                               dir + QStringLiteral("30-services.yml:4"),
                               dir + QStringLiteral("30-services.yml:8")}));
        // Appends to what the caller already has.
        QVERIFY(
            ManifestLoader::loadDirectory(kManifests + QStringLiteral("app/"), &objects, &error));
        QCOMPARE(objects.size(), 12);
    }

    void scalarsAreTypedAsKubernetesReadsThem()
    {
        QList<QJsonObject> objects;
        QString error;
        QVERIFY2(ManifestLoader::loadFile(kManifests + QStringLiteral("app/10-rollouts.yaml"),
                                          &objects, &error),
                 qPrintable(error));
        const QJsonObject rollout = objects.at(0);
        const QJsonObject annotations = at(rollout, path("metadata.annotations")).toObject();
        QCOMPARE(annotations.value(QStringLiteral("build")), QJsonValue(QStringLiteral("123")));
        QCOMPARE(annotations.value(QStringLiteral("quoted-bool")),
                 QJsonValue(QStringLiteral("true")));
        QCOMPARE(annotations.value(QStringLiteral("rd-sim.dev/note")),
                 QJsonValue(QStringLiteral("multi-line\ntext\n")));
        QCOMPARE(at(rollout, path("spec.replicas")), QJsonValue(3));
        QVERIFY(at(rollout, path("spec.replicas")).toVariant().typeId() == QMetaType::LongLong);
        QCOMPARE(at(rollout, path("spec.paused")), QJsonValue(false));
        QCOMPARE(at(rollout, path("spec.revisionHistoryLimit")), QJsonValue(10)); // 0x0A
        QCOMPARE(at(rollout, path("spec.minReadySeconds")), QJsonValue(10.0)); // 1e1
        QCOMPARE(at(rollout, path("spec.progressDeadlineAbort")), QJsonValue(QJsonValue::Null));
        QCOMPARE(at(rollout, path("spec.workloadRef")), QJsonValue(QJsonValue::Null));
        QVERIFY(rollout.value(QStringLiteral("spec"))
                    .toObject()
                    .contains(QStringLiteral("workloadRef")));
        const QJsonObject labels = at(rollout, path("spec.template.metadata.labels")).toObject();
        QCOMPARE(labels.value(QStringLiteral("version")),
                 QJsonValue(1.1)); // YAML reads 1.10 as a float
        QCOMPARE(labels.value(QStringLiteral("tier")), QJsonValue(QStringLiteral("1.10")));
        QCOMPARE(labels.value(QStringLiteral("explicit")), QJsonValue(QStringLiteral("42")));
        const QJsonArray env = at(rollout, path("spec.template.spec.containers.0.env")).toArray();
        QCOMPARE(env.at(0).toObject().value(QStringLiteral("value")),
                 QJsonValue(QStringLiteral("0.5")));
        QCOMPARE(env.at(1).toObject().value(QStringLiteral("value")),
                 QJsonValue(QStringLiteral(".inf")));
        QCOMPARE(env.at(2).toObject().value(QStringLiteral("value")),
                 QJsonValue(QStringLiteral("0x10")));
        QCOMPARE(env.at(3).toObject().value(QStringLiteral("value")), QJsonValue(-7));
        QCOMPARE(env.at(4).toObject().value(QStringLiteral("value")), QJsonValue(-0.25));
        QCOMPARE(at(rollout, path("spec.template.spec.containers.0.image")),
                 QJsonValue(QStringLiteral("ghcr.io/acme/checkout:1.4.2")));
    }

    void jsonKeepsItsValues()
    {
        QList<QJsonObject> objects;
        QString error;
        QVERIFY(ManifestLoader::loadFile(kManifests + QStringLiteral("app/20-list.json"), &objects,
                                         &error));
        QCOMPARE(objects.size(), 2);
        QCOMPARE(at(objects.at(0), path("spec.replicas")), QJsonValue(2));
        QCOMPARE(at(objects.at(1), path("metadata.labels.team")),
                 QJsonValue(QStringLiteral("search")));
        // A cluster-scoped kind gets no namespace.
        QVERIFY(!objects.at(1)
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .contains(QStringLiteral("namespace")));
    }

    void brokenFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("second document") << "missing-name.yaml"
                                         << "6: missing 'metadata.name'";
        QTest::newRow("yaml syntax") << "syntax.yaml"
                                     << "5: illegal map value";
        QTest::newRow("json syntax") << "syntax.json"
                                     << "4: invalid JSON: object is missing after a comma";
        QTest::newRow("json list item") << "list-item.json"
                                        << "6: items[1]: missing 'kind'";
        QTest::newRow("yaml list item") << "list-item.yaml"
                                        << "7: items[1]: expected a Kubernetes object (a mapping)";
        QTest::newRow("sequence document") << "not-a-mapping.yaml"
                                           << "5: expected a Kubernetes object (a mapping)";
        QTest::newRow("json array") << "array.json"
                                    << "1: expected a Kubernetes object (a JSON object)";
        QTest::newRow("unknown kind")
            << "unknown-kind.yaml"
            << "1: kind 'ConfigMap' of apiVersion 'v1' is not served by rd-sim";
        QTest::newRow("no kind") << "no-kind.yaml"
                                 << "1: missing 'kind'";
        QTest::newRow("no apiVersion") << "no-apiversion.yaml"
                                       << "2: missing 'apiVersion'";
    }

    void brokenFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const QString filePath = kManifests + QStringLiteral("broken/") + file;
        QList<QJsonObject> objects {QJsonObject {{QStringLiteral("kept"), true}}};
        QStringList origins;
        QString error;
        QVERIFY(!ManifestLoader::loadFile(filePath, &objects, &error, &origins));
        QCOMPARE(error, filePath + QLatin1Char(':') + message);
        // All or nothing: the objects before the broken one are not appended.
        QCOMPARE(objects.size(), 1);
        QVERIFY(origins.isEmpty());
    }

    void brokenDirectoryStopsAtTheFirstError()
    {
        QList<QJsonObject> objects;
        QString error;
        QVERIFY(!ManifestLoader::loadDirectory(kManifests + QStringLiteral("broken"), &objects,
                                               &error));
        // array.json sorts first.
        QCOMPARE(error,
                 kManifests
                     + QStringLiteral("broken/array.json:1: expected a Kubernetes "
                                      "object (a JSON object)"));
        QVERIFY(objects.isEmpty());
    }

    void missingPaths()
    {
        QList<QJsonObject> objects;
        QString error;
        const QString dir = kManifests + QStringLiteral("nope");
        QVERIFY(!ManifestLoader::loadDirectory(dir, &objects, &error));
        QCOMPARE(error, dir + QStringLiteral(": no such directory"));
        const QString file = kManifests + QStringLiteral("nope.yaml");
        QVERIFY(!ManifestLoader::loadFile(file, &objects, &error));
        QCOMPARE(error, file + QStringLiteral(": cannot read: No such file or directory"));
    }

    void checkObject()
    {
        QJsonObject rollout {{QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
                             {QStringLiteral("kind"), QStringLiteral("Rollout")},
                             {QStringLiteral("metadata"),
                              QJsonObject {{QStringLiteral("name"), QStringLiteral("web")}}}};
        QCOMPARE(ManifestLoader::checkObject(&rollout), QString());
        QCOMPARE(at(rollout, path("metadata.namespace")), QJsonValue(QStringLiteral("default")));

        QJsonObject review {
            {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), QStringLiteral("x")}}}};
        QCOMPARE(ManifestLoader::checkObject(&review),
                 QStringLiteral("kind 'SelfSubjectAccessReview' of apiVersion "
                                "'authorization.k8s.io/v1' is not served by rd-sim"));

        QJsonObject badNamespace = rollout;
        badNamespace.insert(QStringLiteral("metadata"),
                            QJsonObject {{QStringLiteral("name"), QStringLiteral("web")},
                                         {QStringLiteral("namespace"), 3}});
        QCOMPARE(ManifestLoader::checkObject(&badNamespace),
                 QStringLiteral("'metadata.namespace' must be a string"));

        QVERIFY(
            ManifestLoader::isList(QJsonObject {{QStringLiteral("kind"), QStringLiteral("List")}}));
        QVERIFY(
            ManifestLoader::isList(QJsonObject {{QStringLiteral("kind"), QStringLiteral("PodList")},
                                                {QStringLiteral("items"), QJsonArray()}}));
        QVERIFY(!ManifestLoader::isList(
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("PodList")}}));
    }
};

QTEST_GUILESS_MAIN(TestManifestLoader)
#include "tst_manifestloader.moc"
