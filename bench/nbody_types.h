// nbody_types.h - the data types of the nbody kernel: a 3-vector with a
// member function and free operators, a body, the simulation parameters. The
// same types as test/Classics/nbody.cpp. kernels.cpp includes this file (so
// adgen sees and differentiates norm2 and the operators); kernels.h includes
// it for the callers. (kernels.cpp cannot include kernels.h itself: it
// declares the _grad functions adgen generates.)
#ifndef ADGEN_BENCH_NBODY_TYPES_H
#define ADGEN_BENCH_NBODY_TYPES_H

struct Vec3 {
  double x, y, z;
  double norm2() const { return x * x + y * y + z * z; }
};
inline Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator*(double s, Vec3 a) { return {s * a.x, s * a.y, s * a.z}; }

struct Body {
  Vec3 pos, vel;
  double mass;
  int id;
};
struct Params {
  double G, soft, dt;
};

#endif
