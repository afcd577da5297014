# SPDX-License-Identifier: GPL-3.0-or-later
# Fails the configuration when `target` links a simulator library (rd_sim, rd_sim_*), directly
# or through any of our libraries: the shipping app must not contain the simulator
# (issue 11; --demo runs rd-sim as a child process). tests/app/tst_demoprocess checks the
# built binary's symbols as well.
function(rd_check_links_no_simulator target)
    set(pending ${target})
    set(seen)
    while(pending)
        list(POP_FRONT pending current)
        if(current IN_LIST seen OR NOT TARGET ${current})
            continue()
        endif()
        list(APPEND seen ${current})
        if(current MATCHES "^rd_sim")
            message(FATAL_ERROR "${target} links ${current}: the app must not contain the "
                                "simulator (--demo runs the rd-sim executable instead)")
        endif()
        if(NOT current STREQUAL target AND NOT current MATCHES "^rd_")
            continue() # Qt, curl and the other packages link no simulator
        endif()
        get_target_property(links ${current} LINK_LIBRARIES)
        get_target_property(interface_links ${current} INTERFACE_LINK_LIBRARIES)
        foreach(link IN LISTS links interface_links)
            if(link)
                list(APPEND pending ${link})
            endif()
        endforeach()
    endwhile()
endfunction()
