"""Does a CPU conv/linear forward+backward read past the ends of its operands' memory?

Issue 17's diverged CNN twins (random steps, only with the garbage collector running, not on every
CPU) fit one mechanism: before the fix every CNN weight and batch sat in a Java direct buffer, 16-byte
aligned and sized exactly, whose neighbours are whatever the JVM freed or allocated there. A kernel that
reads a few bytes past an operand and multiplies them by zero leaves no trace while they are finite, and
gives NaN when they hold a NaN or Inf pattern.

This probe runs the Fashion-MNIST CNN of model/nn/Cnn.java (batch 512) once on tensors libtorch allocated
and then on copies placed in numpy buffers filled with NaN around them, at every 16-byte alignment, and
reports whether any loss or gradient differs. Usage: python3 bench/conv_overread_probe.py [threads...]
"""
import sys

import numpy as np
import torch
import torch.nn.functional as F

SHAPES = {"c1": (8, 1, 3, 3), "b1": (8,), "c2": (8, 8, 3, 3), "b2": (8,), "c3": (16, 8, 3, 3), "b3": (16,),
          "c4": (16, 16, 3, 3), "b4": (16,), "f1": (128, 784), "g1": (128,), "f2": (10, 128), "g2": (10,)}


def forward(x, p, y):
    h = F.relu(F.conv2d(x, p["c1"], p["b1"], padding=1))
    h = F.max_pool2d(F.relu(F.conv2d(h, p["c2"], p["b2"], padding=1)), 2)
    h = F.relu(F.conv2d(h, p["c3"], p["b3"], padding=1))
    h = F.max_pool2d(F.relu(F.conv2d(h, p["c4"], p["b4"], padding=1)), 2)
    h = F.relu(F.linear(h.flatten(1), p["f1"], p["g1"]))
    return F.cross_entropy(F.linear(h, p["f2"], p["g2"]), y)


def poisoned(values, offset_bytes, keep):
    """values copied into a NaN-filled buffer, starting `offset_bytes` past a 64-byte boundary."""
    flat = values.reshape(-1)
    raw = np.full(flat.size + 64, np.nan, dtype=np.float32)
    keep.append(raw)
    skip = ((offset_bytes - raw.ctypes.data) % 64) // 4
    view = raw[skip:skip + flat.size]
    view[:] = flat
    return torch.from_numpy(view).view(values.shape)


def run(x, p, y):
    for t in p.values():
        t.grad = None
    loss = forward(x, p, y)
    loss.backward()
    return loss.item(), {k: t.grad.clone() for k, t in p.items()}


def main():
    threads = [int(a) for a in sys.argv[1:]] or [1, torch.get_num_threads()]
    cpu = [l for l in open("/proc/cpuinfo") if l.startswith("model name")][0].split(":", 1)[1].strip()
    print(f"torch {torch.__version__}, capability {torch.backends.cpu.get_cpu_capability()}, mkldnn "
          f"{torch.backends.mkldnn.is_available()}, cpu {cpu}")
    g = torch.Generator().manual_seed(1)
    x0 = torch.randn(512, 1, 28, 28, generator=g)
    y = torch.randint(0, 10, (512,), generator=g)
    p0 = {k: (torch.rand(s, generator=g) - 0.5) * 0.5 for k, s in SHAPES.items()}
    bad = 0
    for n in threads:
        torch.set_num_threads(n)
        ref_loss, ref = run(x0.clone(), {k: v.clone().requires_grad_() for k, v in p0.items()}, y)
        for offset in (0, 16, 32, 48):
            keep = []
            x = poisoned(x0.numpy(), offset, keep)
            p = {k: poisoned(v.numpy(), offset, keep).requires_grad_() for k, v in p0.items()}
            for rep in range(3):
                loss, grads = run(x, p, y)
                diffs = {k: float((grads[k] - ref[k]).abs().max()) for k in ref}
                nonfinite = {k: int((~torch.isfinite(grads[k])).sum()) for k in ref}
                worst = max(diffs.values())
                ok = np.isfinite(loss) and loss == ref_loss and worst == 0 and not any(nonfinite.values())
                bad += not ok
                print(f"threads {n:2d} offset {offset:2d} rep {rep}: loss {loss:.9g} (ref {ref_loss:.9g}), "
                      f"max |grad diff| {worst:.3g}, non-finite grads {sum(nonfinite.values())}"
                      + ("" if ok else "  <-- differs: " + str({k: v for k, v in nonfinite.items() if v})))
    print("RESULT:", "operands read past their ends (or misalignment changes results)" if bad
          else "no difference: nothing read past the operands, results independent of alignment")


if __name__ == "__main__":
    main()
