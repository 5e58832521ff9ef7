#!/usr/bin/env python3
"""PyTorch reference for kadam's benchmarks: the same parameter shapes and model configs, timed
the same way. A benchmark reference only, never a dependency of the project.

    pip install torch --index-url <your mirror>   # the CPU wheel
    python bench/torch_reference.py optimizer      # Adam step on nanoGPT's 30M parameters
    python bench/torch_reference.py train          # nanoGPT training steps
    python bench/torch_reference.py cnn            # the CNN on Fashion-MNIST-shaped batches

Prints one line per measurement: `torch <what> <ms per step>`; bin/kadam bench reads them.
Threads: 1 (kadam runs one torch thread per Spark task core), set by --threads.
"""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def gpt_shapes(vocab, context, layers, dim):
    """Parameter shapes of kadam's NanoGpt (no biases, separate q/k/v, tied head)."""
    shapes = [(vocab, dim), (context, dim)]
    for _ in range(layers):
        shapes += [(dim,), (dim,)]                      # ln_1
        shapes += [(dim, dim)] * 4                      # q, k, v, proj
        shapes += [(dim,), (dim,)]                      # ln_2
        shapes += [(4 * dim, dim), (dim, 4 * dim)]      # mlp
    shapes += [(dim,), (dim,)]                          # ln_f
    return shapes


def timed(fn, warmup, repeats):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return 1000 * times[len(times) // 2]  # median, ms


def bench_optimizer(args):
    torch.manual_seed(0)
    params = [torch.randn(s, requires_grad=True) for s in gpt_shapes(50257, 256, 6, 384)]
    n = sum(p.numel() for p in params)
    for p in params:
        p.grad = torch.randn_like(p) * 1e-3
    for name, kwargs in [("adam-foreach", dict(foreach=True)), ("adam-fused", dict(fused=True)),
                         ("adam-forloop", dict(foreach=False))]:
        try:
            opt = torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-30, **kwargs)
        except (RuntimeError, TypeError) as e:
            print(f"# {name} unavailable: {e}")
            continue
        ms = timed(opt.step, 3, args.repeats)
        print(f"torch optimizer-{name} {ms:.2f}  # {n} params, {len(params)} tensors, {7 * 4 * n / ms / 1e6:.1f} GB/s")


class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.ln_1, self.ln_2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.q, self.k, self.v, self.proj = (nn.Linear(dim, dim, bias=False) for _ in range(4))
        self.fc, self.mlp_proj = nn.Linear(dim, 4 * dim, bias=False), nn.Linear(4 * dim, dim, bias=False)

    def forward(self, x):
        b, t, d = x.shape
        h = self.ln_1(x)
        q, k, v = (m(h).view(b, t, self.heads, d // self.heads).transpose(1, 2) for m in (self.q, self.k, self.v))
        att = (q @ k.transpose(-2, -1)) / math.sqrt(d // self.heads)
        att = att.masked_fill(torch.triu(torch.ones(t, t, dtype=torch.bool), 1), float("-inf")).softmax(-1)
        x = x + self.proj((att @ v).transpose(1, 2).reshape(b, t, d))
        return x + self.mlp_proj(F.gelu(self.fc(self.ln_2(x))))


class Gpt(nn.Module):
    """kadam's NanoGpt in eager PyTorch (no biases, tied head, dropout 0)."""
    def __init__(self, vocab, context, layers, heads, dim):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(vocab, dim), nn.Embedding(context, dim)
        self.h = nn.ModuleList(Block(dim, heads) for _ in range(layers))
        self.ln_f = nn.LayerNorm(dim)

    def forward(self, idx):
        x = self.wte(idx) + self.wpe(torch.arange(idx.shape[1]))
        for block in self.h:
            x = block(x)
        return self.ln_f(x) @ self.wte.weight.t()


def bench_train(args):
    configs = {"paper": (50257, 256, 6, 6, 384, 8), "small": (50257, 64, 4, 4, 128, 16), "tiny": (256, 32, 1, 2, 32, 8)}
    for name in args.configs.split(","):
        vocab, context, layers, heads, dim, batch = configs[name]
        torch.manual_seed(0)
        model = Gpt(vocab, context, layers, heads, dim)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-30, foreach=True)
        x = torch.randint(0, vocab, (batch, context))
        y = torch.randint(0, vocab, (batch, context))

        def step():
            loss = F.cross_entropy(model(x).view(-1, vocab), y.view(-1))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        ms = timed(step, 2, args.repeats)
        print(f"torch train-gpt-{name} {ms:.2f}  # {batch * context / ms * 1000:.0f} tokens/s")


def bench_cnn(args):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-30, foreach=True)
    x, y = torch.randn(args.batch, 1, 28, 28), torch.randint(0, 10, (args.batch,))

    def step():
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    ms = timed(step, 3, args.repeats)
    print(f"torch train-cnn {ms:.2f}  # batch {args.batch}, {args.batch / ms * 1000:.0f} images/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["optimizer", "train", "cnn", "all"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--configs", default="tiny,small")
    parser.add_argument("--batch", type=int, default=128)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} thread(s)")
    if args.what in ("optimizer", "all"):
        bench_optimizer(args)
    if args.what in ("train", "all"):
        bench_train(args)
    if args.what in ("cnn", "all"):
        bench_cnn(args)
