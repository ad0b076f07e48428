"""roi_align and roi_pool with torchvision.ops semantics, as vectorised torch code.

roi_align
---------
torchvision averages, for every box k and bin (ph, pw), bilinear samples of
the feature map on a grid_h x grid_w lattice.  Both the bilinear weights and
the "sample is outside the map" test factor into a y part and an x part: a
bin reads, along y, a band of a few consecutive rows with weights wy (its
samples' taps, summed, divided by grid_h), and along x a band of columns
with weights wx.  The bin's value is then

    out[k, ph, pw, :] = sum over band cells (r, c) of wy[r] * wx[c] * F[r, c, :]

with F the map as rows of channels ([N*H*W, C], channels-last).  All bins
of all boxes together are one sparse matrix with a row per bin (its band
cells, ly*lx entries, padded to the largest band), so the op is one CSR @
dense matmul, which MKL does at memory speed, and which autograd
differentiates with respect to the input.  The band weights are built from
[K, P, G] tap tensors (a scatter of K*P*G*2 weights), the entries by
broadcasting.  Boxes with different adaptive grid sizes share one lattice of
the largest size, the unused sample slots weighing zero; a mix of very
different band sizes is padded per group of similar boxes.  A band cell no
sample reads still counts with weight zero, so a NaN or Inf there (between
two samples of a bin) leaks into the bin, where torchvision skips it.

Where sparse CSR matmul is not available (devices other than the CPU, dtypes
other than float32 and float64) the same weights are applied as two small
dense matmuls per box on a window of the map cut around it (an earlier
design, about 3x slower on CPU): out[k, c] = Ay[k] @ F[batch[k], c] @ Ax[k]^T.

roi_pool
--------
Each bin is an integer rectangle (torchvision rounds the box, then floors and
ceils the bin edges).  Every bin's cells are gathered, padded to the largest
bin of its chunk of boxes and masked, and reduced with max, which reports
the first maximum in row-major order as torchvision's loop does.  With
autograd on, the output is read again from the input at those argmax cells,
so the gradient goes to the same element torchvision's backward picks.
"""

import contextlib
import warnings

import torch

# cap on the elements of one intermediate tensor (per chunk of boxes / channels):
# small enough to stay in cache and in memory the allocator reuses
_CHUNK_ELEMENTS = 1 << 18
# cap on the sampling points of one box along one axis (output size times
# samples per bin): an enormous box or sampling ratio is refused
_MAX_AXIS_SAMPLES = 1 << 20


def _rois(boxes, n_images, dtype, device):
    """Boxes as [K, 5] rows (batch index, x1, y1, x2, y2), detached, in `dtype`."""
    b = boxes.detach()
    if b.dim() == 1 and b.numel() in (4, 5):
        b = b.reshape(1, -1)
    if b.dim() != 2 or b.size(1) not in (4, 5):
        raise ValueError("boxes must have shape [K, 5], [K, 4] or [4], got %s" % list(boxes.shape))
    b = b.to(device=device, dtype=dtype)
    if b.size(1) == 4:
        b = torch.cat([b.new_zeros(b.size(0), 1), b], dim=1)
    batch = b[:, 0].to(torch.int64)     # truncates, as C++'s (int) cast
    if b.size(0) and (int(batch.min()) < 0 or int(batch.max()) >= n_images):
        raise ValueError("box batch index out of range: input has %d image%s"
                         % (n_images, "" if n_images == 1 else "s"))
    return b, batch


def _check_input(input, what):
    if input.dim() != 4:
        raise ValueError("%s: input must be [N, C, H, W], got shape %s" % (what, list(input.shape)))
    if not input.is_floating_point():
        raise ValueError("%s: input must be a floating-point tensor, got %s" % (what, input.dtype))


# --- roi_align ---------------------------------------------------------------

def _axis_taps(start, bin_size, grid, pooled, size, max_grid):
    """Bilinear taps of every sample of every bin along one axis, each [K, pooled, G]:
    (low index, high index, low weight, high weight, whether the sample counts).

    Follows torchvision's bilinear_interpolate: a sample outside [-1, size]
    counts zero, one in [-1, 0) is clamped to 0, one at or past size-1 uses
    the last row twice.  Weights are divided by the grid size (the average)."""
    dtype, device = start.dtype, start.device
    slot = torch.arange(max_grid, device=device)
    in_grid = slot.view(1, 1, -1) < grid.view(-1, 1, 1)                      # [K, 1, G]
    grid_t = grid.clamp(min=1).to(dtype).view(-1, 1, 1)
    p = torch.arange(pooled, device=device, dtype=dtype).view(1, -1, 1)
    b = bin_size.view(-1, 1, 1)
    c = start.view(-1, 1, 1) + p * b + (slot.to(dtype).view(1, 1, -1) + 0.5) * b / grid_t
    valid = in_grid & (c >= -1.0) & (c <= size)
    c = torch.where(valid, c, torch.zeros((), dtype=dtype, device=device)).clamp(min=0)
    low = c.floor().to(torch.int64)
    edge = low >= size - 1
    low = torch.where(edge, torch.full_like(low, size - 1), low)
    high = torch.where(edge, low, low + 1)
    c = torch.where(edge, low.to(dtype), c)
    frac_high = c - low.to(dtype)
    scale = valid.to(dtype) / grid_t
    # taps outside the map weigh nothing: park them on the first tap of the box
    first = torch.where(valid, low, torch.full_like(low, size)).flatten(1).min(1).values
    first = first.clamp(max=size - 1).view(-1, 1, 1)
    low = torch.where(valid, low, first)
    high = torch.where(valid, high, first)
    return low, high, (1.0 - frac_high) * scale, frac_high * scale, valid


def _window_weights(low, high, w_low, w_high, origin, width):
    """[k, pooled, width]: the taps of each box, relative to its window origin."""
    k, pooled, _ = low.shape
    out = torch.zeros(k, pooled, width, dtype=w_low.dtype, device=w_low.device)
    out.scatter_add_(2, low - origin, w_low)
    out.scatter_add_(2, high - origin, w_high)
    return out


def _window_pool(windows, wy, wx):
    """out[k, c] = wy[k] @ windows[k, :, :, c] @ wx[k]^T for windows [k, Hw, Ww, C]."""
    k, hw, ww, c = windows.shape
    ph = wy.size(1)
    rows = torch.bmm(wy, windows.view(k, hw, ww * c)).view(k, ph, ww, c)
    return torch.matmul(wx.unsqueeze(1), rows)                                # [k, PH, PW, C]


def _chunks(areas, per_unit, budget):
    """Consecutive (start, end) ranges over sorted sizes, each within the element budget."""
    bounds, s, n = [], 0, len(areas)
    while s < n:
        e = s + 1
        while e < n and (e + 1 - s) * areas[e] * per_unit <= budget:
            e += 1
        bounds.append((s, e))
        s = e
    return bounds


def _assemble(pieces, shape, like):
    """Stack (box indices, [k, ...] piece) chunks into one [K, ...] tensor in box order.

    Without autograd the pieces go straight into one buffer; with it they
    are concatenated and reordered, which autograd can differentiate."""
    if torch.is_grad_enabled() and like.requires_grad:
        pieces = list(pieces)
        out = torch.cat([p for _, p in pieces])
        return out[torch.argsort(torch.cat([i for i, _ in pieces]))]
    out = like.new_empty(shape)
    for idx, piece in pieces:
        out.index_copy_(0, idx, piece)
    return out


def _sorted_chunks(area, per_box, budget=None):
    """Box indices sorted by window area, cut into chunks of a cache-sized budget."""
    order = torch.argsort(area)
    for s, e in _chunks(area[order].tolist(), per_box, budget or _CHUNK_ELEMENTS):
        yield order[s:e]


def _spans(low, high, valid, size):
    """Per bin, the first cell a sample reads ([K, P]; size-1 if none), and per box the
    most consecutive cells one of its bins reads ([K], 1 to size)."""
    origin = torch.where(valid, low, torch.full_like(low, size - 1)).min(2).values
    top = torch.where(valid, high, torch.full_like(high, -1)).max(2).values
    return origin, (top - origin + 1).max(1).values.clamp(1, size)


def _band(low, high, w_low, w_high, origin, width, size):
    """[k, P, width] weights of each bin on `width` consecutive cells, and the first of
    them: the bin's origin, moved back where the band would pass the end of the axis."""
    origin = origin.clamp(max=size - width)
    o = origin.unsqueeze(2)
    weights = w_low.new_zeros(low.size(0), low.size(1), width)
    # samples outside the map weigh zero: any slot of the band will do for them
    weights.scatter_add_(2, (low - o).clamp(0, width - 1), w_low)
    weights.scatter_add_(2, (high - o).clamp(0, width - 1), w_high)
    return origin, weights


def _sparse_entries(batch, ty, tx, oy, ox, ly, lx, size):
    """CSR values and column indices (cells of the [N*H*W, C] map) for the given boxes:
    bins in (box, row, column) order, ly*lx entries each, cells row-major."""
    h, w = size
    (oy, wy), (ox, wx) = _band(*ty[:4], oy, ly, h), _band(*tx[:4], ox, lx, w)
    k, ph, _ = wy.shape
    pw, device = wx.size(1), wy.device
    values = wy.view(k, ph, 1, ly, 1) * wx.view(k, 1, pw, 1, lx)
    rows = (batch.view(-1, 1, 1) * h + oy.unsqueeze(2) + torch.arange(ly, device=device)) * w
    cols = ox.unsqueeze(2) + torch.arange(lx, device=device)
    cells = rows.to(torch.int32).view(k, ph, 1, ly, 1) + cols.to(torch.int32).view(k, 1, pw, 1, lx)
    return values.reshape(-1), cells.reshape(-1)


@contextlib.contextmanager
def _threads(n):
    """torch's intra-op thread count set to n for a block; yields the count before."""
    before = torch.get_num_threads()
    if n == before:
        yield before
        return
    torch.set_num_threads(n)
    try:
        yield before
    finally:
        torch.set_num_threads(before)


def _sparse_align(maps, batch, ty, tx, size, pooled, grad, threads):
    """[K*PH*PW, C]: every bin a weighted sum of rows of maps, as one CSR matmul
    (on `threads` threads)."""
    (h, w), (ph, pw) = size, pooled
    k, device = batch.size(0), maps.device
    oy, sy = _spans(ty[0], ty[1], ty[4], h)
    ox, sx = _spans(tx[0], tx[1], tx[4], w)
    bins = k * ph * pw
    ly, lx = int(sy.max()), int(sx.max())
    if bins * ly * lx <= _SPARSE_ELEMENTS:
        values, cells = _sparse_entries(batch, ty, tx, oy, ox, ly, lx, size)
        crow = torch.arange(0, bins * ly * lx + 1, ly * lx, device=device)
    else:
        # bands of very different sizes: boxes of similar size padded together
        per_box = torch.empty(k, dtype=torch.int64, device=device)
        groups = []
        for idx in _sorted_chunks(sy * sx, ph * pw, _SPARSE_ELEMENTS):
            ly, lx = int(sy[idx].max()), int(sx[idx].max())
            per_box[idx] = ly * lx
            groups.append((idx, ly, lx))
        start = (torch.cumsum(per_box, 0) - per_box) * (ph * pw)
        crow = torch.zeros(bins + 1, dtype=torch.int64, device=device)
        torch.cumsum(per_box.repeat_interleave(ph * pw), 0, out=crow[1:])
        values = maps.new_empty(int(crow[-1]))
        cells = torch.empty(values.numel(), dtype=torch.int32, device=device)
        for idx, ly, lx in groups:
            v, c = _sparse_entries(batch[idx], [t[idx] for t in ty], [t[idx] for t in tx],
                                   oy[idx], ox[idx], ly, lx, size)
            at = (start[idx].view(-1, 1) + torch.arange(ph * pw * ly * lx, device=device)).view(-1)
            values[at] = v
            cells[at] = c
    if crow[-1] >= 2 ** 31 or maps.size(0) >= 2 ** 31:
        cells = cells.to(torch.int64)
    else:       # MKL takes 32-bit indices: no conversion inside the matmul
        crow = crow.to(torch.int32)
    with warnings.catch_warnings():     # torch calls sparse CSR "beta" the first time
        warnings.simplefilter("ignore", UserWarning)
        m = torch.sparse_csr_tensor(crow, cells, values, (bins, maps.size(0)),
                                    check_invariants=False)
    with _threads(threads):
        if grad:
            return m @ maps
        # straight into the result (`m @ maps` would zero a buffer, then copy it)
        out = maps.new_empty(bins, maps.size(1))
        return torch.addmm(out, m, maps, beta=0, out=out)


def _align_pieces(maps, batch, ty, tx, size, pooled):
    """(box indices, [k, PH, PW, C] output) for chunks of boxes of similar window size."""
    (h, w), (ph, pw) = size, pooled
    c, device = maps.size(1), maps.device
    # each box reads only a window of the map: rows y0..y0+span_h-1, columns likewise
    y0 = ty[0].flatten(1).min(1).values
    x0 = tx[0].flatten(1).min(1).values
    span_h = ty[1].flatten(1).max(1).values - y0 + 1
    span_w = tx[1].flatten(1).max(1).values - x0 + 1
    for idx in _sorted_chunks(span_h * span_w, c):
        hw, ww = int(span_h[idx].max()), int(span_w[idx].max())
        oy, ox = y0[idx].view(-1, 1, 1), x0[idx].view(-1, 1, 1)
        rows = (oy + torch.arange(hw, device=device).view(1, -1, 1)).clamp(max=h - 1)
        cols = (ox + torch.arange(ww, device=device).view(1, 1, -1)).clamp(max=w - 1)
        cells = (batch[idx].view(-1, 1, 1) * h + rows) * w + cols                 # [k, Hw, Ww]
        wy = _window_weights(*(t[idx] for t in ty[:4]), oy, hw)
        wx = _window_weights(*(t[idx] for t in tx[:4]), ox, ww)
        columns_first = pw * ww * hw + pw * ph * hw < ph * hw * ww + ph * pw * ww
        if columns_first:       # cheaper: gather the windows transposed
            cells, wy, wx = cells.transpose(1, 2), wx, wy
        windows = maps.index_select(0, cells.reshape(-1)).view(*cells.shape, c)
        out = _window_pool(windows, wy, wx)                                       # [k, P, P', C]
        if columns_first:
            out = out.transpose(1, 2)
        yield idx, out


# sparse path: largest [bins, ly, lx] entry tensor built at once
_SPARSE_ELEMENTS = 1 << 22
_SPARSE_DTYPES = (torch.float32, torch.float64)


def roi_align(input, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=True):
    """torchvision.ops.roi_align: [N, C, H, W] and boxes -> [K, C, PH, PW].

    The many small tensor ops that set up the weights run on one thread: on
    a busy machine every parallel op can wait a whole time slice for its
    second thread, which made the op several times slower; the one big
    matmul runs on torch's usual thread count."""
    _check_input(input, "roi_align")
    with _threads(1) as threads:
        return _roi_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned,
                          threads)


def _roi_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned, threads):
    n, c, h, w = input.shape
    ph, pw = output_size
    rois, batch = _rois(boxes, n, input.dtype, input.device)
    k = rois.size(0)
    if k == 0:
        return input.new_zeros(0, c, ph, pw)
    offset = 0.5 if aligned else 0.0
    # box corners in double, rounded once to the input type (as torchvision's C++)
    corners = (rois[:, 1:].to(torch.float64) * spatial_scale - offset).to(input.dtype)
    x1, y1, x2, y2 = corners.unbind(1)
    roi_w = x2 - x1
    roi_h = y2 - y1
    if not aligned:
        roi_w = roi_w.clamp(min=1.0)
        roi_h = roi_h.clamp(min=1.0)
    bin_h = roi_h / ph
    bin_w = roi_w / pw
    if sampling_ratio > 0:
        grid_h = torch.full((k,), sampling_ratio, dtype=torch.int64, device=input.device)
        grid_w = grid_h
    else:
        grid_h = torch.ceil(bin_h).to(torch.int64)
        grid_w = torch.ceil(bin_w).to(torch.int64)
    max_h, max_w = int(grid_h.max()), int(grid_w.max())
    if max(ph * max_h, pw * max_w) > _MAX_AXIS_SAMPLES:
        # the sample lattice would be materialised ([K, P, G] taps): refuse
        # rather than allocate gigabytes for a small output
        raise ValueError("roi_align: %d x %d sampling points per bin is too many (at most %d "
                         "per output row or column); give a positive sampling_ratio or "
                         "smaller boxes" % (max_h, max_w, _MAX_AXIS_SAMPLES))
    if max_h <= 0 or max_w <= 0:
        # no sample anywhere: zeros, still connected to input for backward
        return input.new_zeros(k, c, ph, pw) + input.reshape(-1)[:0].sum()
    ty = _axis_taps(y1, bin_h, grid_h, ph, h, max_h)
    tx = _axis_taps(x1, bin_w, grid_w, pw, w, max_w)
    # the map as rows of channels, [N*H*W, C]: a bin is a weighted sum of rows
    maps = input.permute(0, 2, 3, 1).contiguous().view(n * h * w, c)
    if input.device.type == "cpu" and input.dtype in _SPARSE_DTYPES:
        grad = torch.is_grad_enabled() and input.requires_grad
        out = _sparse_align(maps, batch, ty, tx, (h, w), (ph, pw), grad, threads)
        # computed channels-last; returned as a [K, C, PH, PW] view of that memory
        return out.view(k, ph, pw, c).permute(0, 3, 1, 2)
    with _threads(threads):
        pieces = _align_pieces(maps, batch, ty, tx, (h, w), (ph, pw))
        # computed channels-last; returned as a [K, C, PH, PW] view of that memory
        return _assemble(pieces, (k, ph, pw, c), input).permute(0, 3, 1, 2)


# --- roi_pool ----------------------------------------------------------------

def _round_half_away(x):
    # C's round(): halves go away from zero (torch.round goes to even)
    return torch.sign(x) * torch.floor(x.abs() + 0.5)


def _bin_edges(start, length, pooled, size):
    """[K, pooled] start and end (exclusive) of each bin, clipped to [0, size]."""
    bin_size = length.view(-1, 1) / pooled
    p = torch.arange(pooled, device=start.device, dtype=bin_size.dtype).view(1, -1)
    lo = torch.floor(p * bin_size).to(torch.int64) + start.view(-1, 1)
    hi = torch.ceil((p + 1) * bin_size).to(torch.int64) + start.view(-1, 1)
    return lo.clamp(0, size), hi.clamp(0, size)


def _pool_pieces(maps, batch, hs, he, ws, we, size):
    """(box indices, [k, PH, PW, C] max, [k, PH, PW, C] argmax cell) for chunks of boxes."""
    h, w = size
    c, device = maps.size(1), maps.device
    span_h, span_w = (he - hs).clamp(min=0), (we - ws).clamp(min=0)
    bin_h, bin_w = span_h.max(1).values, span_w.max(1).values                 # per box
    for idx in _sorted_chunks(bin_h.clamp(min=1) * bin_w.clamp(min=1) * hs.size(1) * ws.size(1), c):
        bh, bw = max(int(bin_h[idx].max()), 1), max(int(bin_w[idx].max()), 1)
        i = torch.arange(bh, device=device).view(1, 1, 1, -1, 1)
        j = torch.arange(bw, device=device).view(1, 1, 1, 1, -1)
        rows = hs[idx].view(-1, hs.size(1), 1, 1, 1) + i                         # [k, PH, 1, bh, 1]
        cols = ws[idx].view(-1, 1, ws.size(1), 1, 1) + j                         # [k, 1, PW, 1, bw]
        inside = (rows < he[idx].view(-1, hs.size(1), 1, 1, 1)) & (
            cols < we[idx].view(-1, 1, ws.size(1), 1, 1))                       # [k, PH, PW, bh, bw]
        cells = (batch[idx].view(-1, 1, 1, 1, 1) * h + rows.clamp(max=h - 1)) * w + cols.clamp(max=w - 1)
        cells = torch.where(inside, cells, torch.zeros_like(cells)).flatten(3)   # [k, PH, PW, bh*bw]
        values = maps.index_select(0, cells.reshape(-1)).view(*cells.shape, c)
        values = values.masked_fill(~inside.flatten(3).unsqueeze(-1), float("-inf"))
        best, where = values.max(dim=3)          # the first maximum in row-major order
        yield idx, best, torch.gather(cells, 3, where)


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    """torchvision.ops.roi_pool: [N, C, H, W] and boxes -> [K, C, PH, PW]."""
    _check_input(input, "roi_pool")
    n, c, h, w = input.shape
    ph, pw = output_size
    rois, batch = _rois(boxes, n, input.dtype, input.device)
    k = rois.size(0)
    if k == 0:
        return input.new_zeros(0, c, ph, pw)
    # rounded in double, as torchvision's C++ does
    corners = _round_half_away(rois[:, 1:].to(torch.float64) * spatial_scale).to(torch.int64)
    start_w, start_h, end_w, end_h = corners.unbind(1)
    len_w = (end_w - start_w + 1).clamp(min=1).to(input.dtype)
    len_h = (end_h - start_h + 1).clamp(min=1).to(input.dtype)
    hs, he = _bin_edges(start_h, len_h, ph, h)                               # [K, PH]
    ws, we = _bin_edges(start_w, len_w, pw, w)                               # [K, PW]
    empty = ((he <= hs).view(k, ph, 1) | (we <= ws).view(k, 1, pw)).unsqueeze(-1)
    with torch.no_grad():
        maps = input.detach().permute(0, 2, 3, 1).contiguous().view(n * h * w, c)
        found = list(_pool_pieces(maps, batch, hs, he, ws, we, (h, w)))
        idx = torch.cat([f[0] for f in found])
        restore = torch.argsort(idx)
        best = torch.cat([f[1] for f in found])[restore]                     # [K, PH, PW, C]
    if torch.is_grad_enabled() and input.requires_grad:
        # the same values, read again at the argmax so the gradient lands there
        cells = torch.cat([f[2] for f in found])[restore]                    # [K, PH, PW, C]
        chan = torch.arange(c, device=input.device)
        best = input.permute(0, 2, 3, 1).reshape(-1)[cells * c + chan]
    out = best.masked_fill(empty, 0.0)
    return out.permute(0, 3, 1, 2)
