# The layers CI compiles as one translation unit each (RD_UNITY, CMake's unity build): their
# headers, Qt's templates and simdjson's inline code are then compiled once per layer instead
# of once per file, about half of the layer's compile time (docs/PERFORMANCE.md). A developer's
# tree keeps one unit per file for fast incremental builds, so RD_UNITY is off by default.
#
# The rule it needs: a file-local name (anonymous namespace or static) is unique in its layer,
# since every file of the layer shares one unit. The layers listed here keep that rule; the
# GUI layers (models, widgets, app) do not yet: several files of models/ each alias their model
# as `M`, and a file-local operator== there hides the domain's from the files after it.
option(RD_UNITY "Compile the listed layers as one translation unit each (CI)" OFF)
if(RD_UNITY)
    foreach(target rd_domain rd_net rd_fetchers rd_history rd_store rd_sim_api rd_sim_argocd
                   rd_sim_controllers rd_sim_core rd_sim_demo rd_sim_fleet rd_sim_metrics
                   rd_sim_reports rd_sim_scenario rd_sim_security)
        if(TARGET ${target})
            set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 0)
        endif()
    endforeach()
endif()
