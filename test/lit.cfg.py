# lit configuration for adgen's tests.
#
# Substitutions:
#   %adgen      the adgen tool (it finds <adgen/adgen.h> by itself)
#   %adgen-opt  runs graph passes on graph text (tool/adgen-opt.cpp; test/Passes)
#   %cxx        g++ -std=c++17 with adgen's include directory and warnings on
#   %clangxx    clang++-19, likewise
#   %inc        adgen's public include directory
#   %S, %s, %t  lit's usual: source dir, this file, a per-test temp path
#
# lit --param sanitize=1 compiles every generated program with
# -fsanitize=address,undefined (any report aborts it, so the test fails);
# scripts/sanitize.sh uses it with an adgen built with -DADGEN_SANITIZE=ON.
import os
import lit.formats
import lit.util
from lit.llvm import llvm_config

config.name = "adgen"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".cpp", ".test", ".graph"]
config.excludes = ["Inputs", "cmake", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)

llvm_config.with_system_environment(["HOME", "TMPDIR", "ASAN_OPTIONS", "UBSAN_OPTIONS"])
llvm_config.use_default_substitutions()  # FileCheck, not, count
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")])

inc = os.path.join(config.adgen_src_root, "include")
warn = "-Wall -Wextra -Werror"
if lit.util.pythonize_bool(lit_config.params.get("sanitize", False)):
    warn += " -fsanitize=address,undefined -fno-sanitize-recover=all -g"  # not warnings, but goes everywhere warn goes
    config.available_features.add("sanitize")
# %adgen-opt first: lit substitutes in order, and %adgen is its prefix.
config.substitutions.append(("%adgen-opt", os.path.join(config.adgen_tools_dir, "adgen-opt")))
config.substitutions.append(("%adgen", config.adgen_tool))
config.substitutions.append(("%cxx", config.gxx + " -std=c++17 -O1 -I" + inc + " -I" + os.path.join(config.test_source_root, "Inputs") + " " + warn))
config.substitutions.append(("%clangxx", config.clangxx + " -std=c++17 -O1 -I" + inc + " -I" + os.path.join(config.test_source_root, "Inputs") + " " + warn))
config.substitutions.append(("%inc", inc))
