"""Scalar reference implementations, written from the definitions of
torchvision.ops.roi_align / roi_pool / nms / box_iou with plain Python loops.

They share no code with tclish.torchbridge.kernels.  Inputs are nested
Python lists; `f32=True` rounds the box arithmetic to single precision step
by step, as torchvision's kernel does for float32 inputs, so that floor/ceil
decisions agree exactly; the weighted sums themselves are done in double.
"""

import math
import struct


def _round32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def _identity(x):
    return x


# --- roi_align ---------------------------------------------------------------

def _bilinear_taps(y, x, height, width):
    """[(row, col, weight)] of one sample point, as torchvision's bilinear_interpolate."""
    if y < -1.0 or y > height or x < -1.0 or x > width:
        return []
    if y <= 0:
        y = 0.0
    if x <= 0:
        x = 0.0
    y_low, x_low = int(y), int(x)
    if y_low >= height - 1:
        y_high = y_low = height - 1
        y = float(y_low)
    else:
        y_high = y_low + 1
    if x_low >= width - 1:
        x_high = x_low = width - 1
        x = float(x_low)
    else:
        x_high = x_low + 1
    ly, lx = y - y_low, x - x_low
    hy, hx = 1.0 - ly, 1.0 - lx
    return [(y_low, x_low, hy * hx), (y_low, x_high, hy * lx),
            (y_high, x_low, ly * hx), (y_high, x_high, ly * lx)]


def roi_align_taps(rois, height, width, pooled_h, pooled_w, scale, sampling_ratio, aligned,
                   f32=False):
    """For every box k and bin (ph, pw): [(batch, row, col, weight)] such that
    out[k, c, ph, pw] = sum(weight * input[batch, c, row, col])."""
    r = _round32 if f32 else _identity
    taps = {}
    offset = 0.5 if aligned else 0.0
    for k, roi in enumerate(rois):
        batch = int(roi[0])
        start_w = r(roi[1] * scale - offset)
        start_h = r(roi[2] * scale - offset)
        end_w = r(roi[3] * scale - offset)
        end_h = r(roi[4] * scale - offset)
        roi_w = r(end_w - start_w)
        roi_h = r(end_h - start_h)
        if not aligned:
            roi_w = max(roi_w, 1.0)
            roi_h = max(roi_h, 1.0)
        bin_h = r(roi_h / pooled_h)
        bin_w = r(roi_w / pooled_w)
        grid_h = sampling_ratio if sampling_ratio > 0 else math.ceil(bin_h)
        grid_w = sampling_ratio if sampling_ratio > 0 else math.ceil(bin_w)
        count = max(grid_h * grid_w, 1)
        for ph in range(pooled_h):
            for pw in range(pooled_w):
                acc = []
                for iy in range(grid_h):
                    y = r(r(start_h + r(ph * bin_h)) + r(r((iy + 0.5) * bin_h) / grid_h))
                    for ix in range(grid_w):
                        x = r(r(start_w + r(pw * bin_w)) + r(r((ix + 0.5) * bin_w) / grid_w))
                        for row, col, wgt in _bilinear_taps(y, x, height, width):
                            acc.append((batch, row, col, wgt / count))
                taps[k, ph, pw] = acc
    return taps


def roi_align(feature, rois, pooled_h, pooled_w, scale, sampling_ratio, aligned, f32=False):
    """Output [K][C][PH][PW] as nested lists."""
    channels = len(feature[0])
    height, width = len(feature[0][0]), len(feature[0][0][0])
    taps = roi_align_taps(rois, height, width, pooled_h, pooled_w, scale, sampling_ratio,
                          aligned, f32)
    return [[[[sum(wgt * feature[b][c][y][x] for b, y, x, wgt in taps[k, ph, pw])
               for pw in range(pooled_w)] for ph in range(pooled_h)]
             for c in range(channels)] for k in range(len(rois))]


def roi_align_input_grad(feature, rois, pooled_h, pooled_w, scale, sampling_ratio, aligned,
                         upstream):
    """d(sum(out * upstream)) / d input, as nested lists shaped like `feature`."""
    n, channels = len(feature), len(feature[0])
    height, width = len(feature[0][0]), len(feature[0][0][0])
    grad = [[[[0.0] * width for _ in range(height)] for _ in range(channels)] for _ in range(n)]
    taps = roi_align_taps(rois, height, width, pooled_h, pooled_w, scale, sampling_ratio, aligned)
    for (k, ph, pw), acc in taps.items():
        for c in range(channels):
            g = upstream[k][c][ph][pw]
            for b, y, x, wgt in acc:
                grad[b][c][y][x] += wgt * g
    return grad


# --- roi_pool ----------------------------------------------------------------

def _c_round(v):
    return math.floor(v + 0.5) if v >= 0 else -math.floor(-v + 0.5)


def roi_pool(feature, rois, pooled_h, pooled_w, scale, f32=False):
    """(output [K][C][PH][PW], argmax [K][C][PH][PW] as (row, col) or None)."""
    r = _round32 if f32 else _identity
    channels = len(feature[0])
    height, width = len(feature[0][0]), len(feature[0][0][0])
    out, arg = [], []
    for roi in rois:
        b = int(roi[0])
        start_w, start_h = _c_round(roi[1] * scale), _c_round(roi[2] * scale)
        end_w, end_h = _c_round(roi[3] * scale), _c_round(roi[4] * scale)
        roi_w = max(end_w - start_w + 1, 1)
        roi_h = max(end_h - start_h + 1, 1)
        bin_h = r(roi_h / pooled_h)
        bin_w = r(roi_w / pooled_w)
        ko, ka = [], []
        for c in range(channels):
            co, ca = [], []
            for ph in range(pooled_h):
                ro, ra = [], []
                for pw in range(pooled_w):
                    hs = min(max(math.floor(r(ph * bin_h)) + start_h, 0), height)
                    he = min(max(math.ceil(r((ph + 1) * bin_h)) + start_h, 0), height)
                    ws = min(max(math.floor(r(pw * bin_w)) + start_w, 0), width)
                    we = min(max(math.ceil(r((pw + 1) * bin_w)) + start_w, 0), width)
                    best, where = (0.0, None) if (he <= hs or we <= ws) else (-math.inf, None)
                    for y in range(hs, he):
                        for x in range(ws, we):
                            if feature[b][c][y][x] > best:
                                best, where = feature[b][c][y][x], (y, x)
                    ro.append(best)
                    ra.append(where)
                co.append(ro)
                ca.append(ra)
            ko.append(co)
            ka.append(ca)
        out.append(ko)
        arg.append(ka)
    return out, arg


# --- boxes -------------------------------------------------------------------

def box_iou(boxes1, boxes2):
    def area(b):
        return (b[2] - b[0]) * (b[3] - b[1])
    out = []
    for a in boxes1:
        row = []
        for b in boxes2:
            w = max(min(a[2], b[2]) - max(a[0], b[0]), 0.0)
            h = max(min(a[3], b[3]) - max(a[1], b[1]), 0.0)
            inter = w * h
            union = area(a) + area(b) - inter
            row.append(inter / union if union != 0 else math.nan)
        out.append(row)
    return out


def nms(boxes, scores, threshold):
    """Greedy NMS on plain lists: kept indices by decreasing score (stable on ties)."""
    order = sorted(range(len(boxes)), key=lambda i: -scores[i])
    keep = []
    for i in order:
        ok = True
        for j in keep:
            if box_iou([boxes[i]], [boxes[j]])[0][0] > threshold:
                ok = False
                break
        if ok:
            keep.append(i)
    return keep
