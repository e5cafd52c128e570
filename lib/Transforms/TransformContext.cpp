//===- Transforms/TransformContext.cpp - What a transform needs -----------===//
#include "Transforms/TransformContext.h"

// The anchor of the interface's vtable.
adgen::TransformContext::~TransformContext() = default;
