// SPDX-License-Identifier: GPL-3.0-or-later
// JSON decode throughput: our JsonDecoder against raw simdjson (DOM parse, and On-Demand
// visiting every item) and QJsonDocument, on the same bytes in the same run. The budget
// (DESIGN.md) is decode >= 25 % of raw simdjson. Prints MB/s and the ratios; best of N rounds
// interleaved, so a busy machine slows every peer alike.
#include "jsondecoder.h"
#include "podlistgenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

#include <cstdio>
#include <functional>

namespace {

double bestSeconds(const std::function<void()> &work, int rounds, double best)
{
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, static_cast<double>(timer.nsecsElapsed()) / 1e9);
    }
    return best;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int pods = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const QByteArray json = generatePodList(pods);
    const double megabytes = static_cast<double>(json.size()) / 1e6;
    std::printf("pod list: %d pods, %.1f MB\n", pods, megabytes);

    simdjson::padded_string padded(json.constData(), static_cast<size_t>(json.size()));
    simdjson::dom::parser domParser;
    simdjson::ondemand::parser onDemandParser;
    JsonDecoder decoder;
    size_t sink = 0;

    const auto simdjsonDom = [&] {
        simdjson::dom::element doc;
        if (domParser.parse(padded).get(doc) == simdjson::SUCCESS)
            sink += doc["items"].get_array().size();
    };
    const auto simdjsonOnDemand = [&] {
        auto doc = onDemandParser.iterate(padded);
        for (auto item : doc["items"]) {
            std::string_view name;
            if (item["metadata"]["name"].get_string().get(name) == simdjson::SUCCESS)
                sink += name.size();
        }
    };
    const auto ours
        = [&] { sink += static_cast<size_t>(decoder.decodeList<Pod>(json).items.size()); };
    const auto qt
        = [&] { sink += static_cast<size_t>(QJsonDocument::fromJson(json).object().size()); };

    double dom = 1e9, onDemand = 1e9, decode = 1e9, qjson = 1e9;
    const int rounds = 7;
    for (int i = 0; i < rounds; ++i) {
        dom = bestSeconds(simdjsonDom, 1, dom);
        onDemand = bestSeconds(simdjsonOnDemand, 1, onDemand);
        decode = bestSeconds(ours, 1, decode);
        qjson = bestSeconds(qt, 1, qjson);
    }
    const auto rate = [&](double seconds) { return megabytes / seconds; };
    std::printf("simdjson DOM parse        %8.0f MB/s\n", rate(dom));
    std::printf("simdjson On-Demand visit  %8.0f MB/s\n", rate(onDemand));
    std::printf("JsonDecoder<Pod>          %8.0f MB/s\n", rate(decode));
    std::printf("QJsonDocument::fromJson   %8.0f MB/s\n", rate(qjson));
    const double vsOnDemand = onDemand / decode;
    const double vsDom = dom / decode;
    std::printf("ratio decode / On-Demand  %8.2f (budget >= 0.25)\n", vsOnDemand);
    std::printf("ratio decode / DOM        %8.2f\n", vsDom);
    std::printf("ratio decode / QJsonDocument %5.1fx faster\n", qjson / decode);
    std::printf("(checksum %zu)\n", sink);
    return std::min(vsOnDemand, vsDom) >= 0.25 ? 0 : 1;
}
