// Unsaved work survives SIGKILL a few seconds after an edit (issue 11): the app runs in a forked child,
// driven as a user would, and is killed; the next start offers the recovery copy and restores the edit.
// Layer: tests/workbench.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/app/recovery.hpp"
#include "workbench/ui/workbench.hpp"

using namespace sdw;
using test::HeadlessUi;
namespace fs = std::filesystem;

namespace {

// The app in the child: open the model, place a stock with the stock tool, then keep drawing frames (as the
// main loop does, about 60 a second) until killed. Says "edited" on the pipe once the stock is placed.
[[noreturn]] void runApp(const std::string& modelPath, int toParent) {
    int code = 0;
    {
        HeadlessUi ui;
        ui::Workbench wb;
        std::string error;
        if (!wb.openFile(modelPath, error)) _exit(2);
        for (int i = 0; i < 3; ++i) ui.frame(wb);
        wb.tool = ui::Tool::Stock;
        ui.click(wb, ui.screenOf(150, 0));
        if (wb.session().doc().model().variables.size() != 2) _exit(3);
        if (write(toParent, "e", 1) != 1) _exit(4);
        for (int i = 0; i < 60 * 60; ++i) {  // an hour of frames at most; the test kills it in seconds
            ui.frame(wb);
            std::this_thread::sleep_for(std::chrono::milliseconds(16));
        }
        code = 5;
    }
    _exit(code);
}

}  // namespace

TEST_CASE("workbench: unsaved work survives kill -9 a few seconds after the edit",
          "[workbench][recovery][issue11]") {
    const fs::path dir = fs::temp_directory_path() / "sdw_recovery_kill";
    fs::remove_all(dir);
    fs::create_directories(dir / "state");
    setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
    const std::string modelPath = (dir / "clinic.xmile").string();
    {
        app::Document d;
        d.createStock(0, 0, "waiting_list");
        std::string err;
        REQUIRE(d.saveAs(modelPath, err));
    }
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(fds[0]);
        setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
        runApp(modelPath, fds[1]);
    }
    close(fds[1]);
    char said = 0;
    const bool edited = read(fds[0], &said, 1) == 1;
    close(fds[0]);
    if (edited) {
        // A few seconds after the edit: the debounce, and a margin for a busy machine.
        const auto wait = std::chrono::duration<double>(app::kAutosaveSeconds + 1.5);
        std::this_thread::sleep_for(wait);
    }
    kill(child, SIGKILL);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    INFO("child exit status " << status);
    REQUIRE(edited);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    // The next start: the model opens with its autosaved work offered; Restore brings the stock back.
    HeadlessUi ui;
    ui::Workbench wb;
    std::string error;
    REQUIRE(wb.openFile(modelPath, error));
    CHECK(wb.session().doc().model().variables.size() == 1);  // the file as saved
    REQUIRE(wb.session().recoveryOffer());
    REQUIRE(wb.restoreRecovery());
    CHECK(wb.session().doc().model().variables.size() == 2);
    CHECK(wb.session().doc().find("waiting_list"));
    CHECK(wb.session().doc().dirty());
    wb.settle();
}
