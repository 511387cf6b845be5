// tests/test_tool_run.h — running the native command-line tools (estimate, render_ledger, ...) from the tests.
// They are built next to the test binary (build/native/), so the tests find them there, whatever the working
// directory.
#pragma once
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace chips::test {

inline std::string read_whole_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

// The path of tool `name` next to this test binary ("" when /proc/self/exe cannot be read).
inline std::string sibling_tool(const std::string& name) {
    char self[4096];
    const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0) return {};
    std::string path(self, static_cast<size_t>(length));
    return path.substr(0, path.rfind('/')) + "/" + name;
}

struct RunResult {
    int exit_code = -1; // -1: did not exit normally
    int signal = 0;     // the signal that ended it, if any
    std::string out, err;
};

// Runs `program args...` with stdout and stderr in temporary files (no pipe deadlocks on long output).
inline RunResult run_tool(const std::string& program, const std::vector<std::string>& args) {
    RunResult result;
    char out_path[] = "/tmp/chips-cli-out-XXXXXX";
    char err_path[] = "/tmp/chips-cli-err-XXXXXX";
    const int out_fd = mkstemp(out_path), err_fd = mkstemp(err_path);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    close(out_fd);
    close(err_fd);
    result.out = read_whole_file(out_path);
    result.err = read_whole_file(err_path);
    unlink(out_path);
    unlink(err_path);
    return result;
}

} // namespace chips::test
