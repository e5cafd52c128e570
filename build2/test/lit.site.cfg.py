# Written by CMake: where the build put things.
config.adgen_src_root = "/work/wt-omp2"
config.adgen_obj_root = "/work/wt-omp2/build2"
config.adgen_tool = "/work/wt-omp2/build2/tool/adgen"
config.adgen_tools_dir = "/work/wt-omp2/build2/tool"
config.llvm_tools_dir = "/usr/lib/llvm-19/bin"
config.gxx = "/usr/bin/g++"
config.clangxx = "/usr/bin/clang++-19"
config.test_exec_root = "/work/wt-omp2/build2/test"
import lit.llvm
lit.llvm.initialize(lit_config, config)
lit_config.load_config(config, "/work/wt-omp2/test/lit.cfg.py")
