// InOrder: results finishing in any order come out in index order, each once, and a worker does not begin an
// item a window or more ahead of the first one not yet handed on, so that at most a window of results wait.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include "batch/in_order.h"

using namespace saraban::batch;

BOOST_AUTO_TEST_SUITE(batch_in_order)

BOOST_AUTO_TEST_CASE(results_put_in_any_order_come_out_in_index_order) {
    std::vector<std::size_t> order(500);
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), std::mt19937(7));
    std::vector<std::size_t> emitted;
    InOrder<std::string> in_order(order.size(), [&](std::size_t i, std::string&& value) {
        BOOST_TEST(value == "item " + std::to_string(i));
        emitted.push_back(i);
    });
    for (std::size_t i : order) in_order.put(i, "item " + std::to_string(i));
    BOOST_TEST(emitted.size() == order.size());
    BOOST_TEST(std::is_sorted(emitted.begin(), emitted.end()));
    BOOST_TEST(emitted.back() == order.size() - 1);
    BOOST_TEST(in_order.held() == 0u);
}

BOOST_AUTO_TEST_CASE(a_worker_waits_while_its_item_is_a_window_ahead) {
    InOrder<int> in_order(4, [](std::size_t, int&&) {});
    std::atomic<bool> began{false};
    std::thread worker([&] {
        in_order.wait_for_room(5);  // 5 ≥ 0 + 4: waits until items 0 and 1 are handed on
        began = true;
    });
    in_order.put(1, 1);  // held: 0 is not done
    in_order.put(2, 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    BOOST_TEST(!began.load());
    in_order.put(0, 0);  // 0, 1, 2 go out: room up to 6
    worker.join();
    BOOST_TEST(began.load());
    BOOST_TEST(in_order.emitted() == 3u);
}

BOOST_AUTO_TEST_CASE(workers_of_uneven_speed_never_hold_more_than_the_window) {
    constexpr std::size_t window = 16, items = 2000;
    std::atomic<std::size_t> most_held{0};
    std::size_t emitted = 0;  // emit runs under InOrder's lock
    InOrder<std::size_t> in_order(window, [&](std::size_t i, std::size_t&&) { BOOST_CHECK_EQUAL(i, emitted++); });
    std::atomic<std::size_t> next{0};
    auto worker = [&](unsigned seed) {
        std::mt19937 random(seed);
        for (std::size_t i; (i = next.fetch_add(1)) < items;) {
            in_order.wait_for_room(i);
            if (random() % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));  // a slow agency
            in_order.put(i, i);
            for (std::size_t held = in_order.held(), seen = most_held.load();
                 held > seen && !most_held.compare_exchange_weak(seen, held);) {
            }
        }
    };
    std::thread a(worker, 1), b(worker, 2), c(worker, 3);
    a.join();
    b.join();
    c.join();
    BOOST_TEST(emitted == items);
    BOOST_TEST(most_held.load() < window);
}

BOOST_AUTO_TEST_SUITE_END()
