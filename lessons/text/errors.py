"""The core's refusals in both languages (keys ``err.*``), one per ``PoolingError.reason``;
lessons/errors.py fills them in. Parameter names (kernel_size, padding, ...) stay as in code."""

TEXT = {
    "err.axis.height": {"en": "height", "zh": "高度"},
    "err.axis.width": {"en": "width", "zh": "宽度"},
    "err.axis.size": {"en": "size", "zh": "大小"},
    "err.cells.height": {"en": "rows", "zh": "行"},
    "err.cells.width": {"en": "columns", "zh": "列"},
    "err.cells.size": {"en": "cells", "zh": "格"},
    "err.cell.height": {"en": "row", "zh": "行"},
    "err.cell.width": {"en": "column", "zh": "列"},
    "err.cell.size": {"en": "cell", "zh": "格"},
    "err.no_window": {
        "en": "the window does not fit: it spans {span} {cells} (kernel_size={kernel}, dilation={dilation}), "
              "but the padded input {axis} is only {size} + {pad_before} + {pad_after} = {padded}. "
              "Use a window of at most {padded} {cells}, or more padding.",
        "zh": "窗口放不下：窗口跨 {span} {cells}（kernel_size={kernel}，dilation={dilation}），而填充后的输入"
              "{axis}只有 {size} + {pad_before} + {pad_after} = {padded}。请把窗口缩小到最多 {padded} {cells}，"
              "或者增加填充。",
    },
    "err.window_all_padding": {
        "en": "too much padding: along the {axis}, the window that starts at {cell} {start} reads only padding. "
              "Every window must hold at least one real input cell: use less padding.",
        "zh": "填充太多：沿{axis}方向，从第 {start} {cell}开始的窗口读到的全是填充格。"
              "每个窗口至少要含一个真实的输入格，请减少填充。",
    },
    "err.window_all_padding_dilated": {
        "en": "too much padding: along the {axis}, the window that starts at {cell} {start} reads only padding. "
              "Every window must hold at least one real input cell: use less padding or a smaller dilation.",
        "zh": "填充太多：沿{axis}方向，从第 {start} {cell}开始的窗口读到的全是填充格。"
              "每个窗口至少要含一个真实的输入格，请减少填充或减小膨胀。",
    },
    "err.too_small": {"en": "{name} must be at least {minimum}, not {value}.",
                      "zh": "{name} 至少为 {minimum}，现在是 {value}。"},
    "err.not_whole": {"en": "{name} must be a whole number, not {value}.",
                      "zh": "{name} 必须是整数，现在是 {value}。"},
    "err.not_pair": {"en": "{name} must be one whole number or a pair (h, w), not {count} {count:number|numbers}.",
                     "zh": "{name} 必须是一个整数或一对整数 (h, w)，现在给了 {count} 个数。"},
    "err.input_ndim": {"en": "{name} must have shape (H, W), (C, H, W) or (N, C, H, W), not that of a {ndim}-D "
                             "array, {shape}.",
                       "zh": "{name} 的形状必须是 (H, W)、(C, H, W) 或 (N, C, H, W)，现在是形状为 {shape} 的 {ndim} 维数组。"},
    "err.same_needs_sizes": {"en": "SAME padding needs the input size and the window size.",
                             "zh": "SAME 填充需要知道输入大小和窗口大小。"},
    "err.padding_word": {"en": "padding must be SAME or VALID, not {value}.",
                         "zh": "填充只能写 SAME 或 VALID，现在是 {value}。"},
    "err.padding_pairs": {"en": "each padding pair must hold two numbers, not {value}.",
                          "zh": "每对填充值必须恰好有两个数，现在是 {value}。"},
    "err.padding_batch": {"en": "the batch and channel dimensions cannot be padded ([0, 0]), not {value}.",
                          "zh": "批次维和通道维不能填充（应为 [0, 0]），现在是 {value}。"},
    "err.padding_count": {"en": "padding must be one number, (p_h, p_w) or (top, bottom, left, right), "
                                "not {count} {count:number|numbers}.",
                          "zh": "填充必须是一个数、(p_h, p_w) 或上下左右四个数，现在给了 {count} 个数。"},
    "err.padding_negative": {"en": "padding cannot be negative (got {value}); use 0 for no padding.",
                             "zh": "填充不能是负数（现在是 {value}）；不填充请用 0。"},
    "err.mode": {"en": "the pooling must be max or avg, not {value}.",
                 "zh": "池化方式只能是 max 或 avg，现在是 {value}。"},
    "err.grad_shape": {"en": "the gradient must have the output's shape {expected}, not {got}.",
                       "zh": "梯度的形状必须与输出相同，即 {expected}，现在是 {got}。"},
    "err.max_only": {"en": "{name} exists only for max pooling.", "zh": "只有最大池化才有 {name}。"},
    "err.kmax_scalar": {"en": "K-max pooling needs an axis to pool along; a single number has none.",
                        "zh": "K-max 池化需要沿某个轴取值，单个数没有轴。"},
    "err.axis_range": {"en": "axis must be from {low} to {high}, not {value}.",
                       "zh": "axis 必须在 {low} 到 {high} 之间，现在是 {value}。"},
    "err.k_range": {"en": "k must be from 1 to {length}, not {value}.",
                    "zh": "k 必须在 1 到 {length} 之间，现在是 {value}。"},
    "err.layer_range": {"en": "layer must be from 1 to {num_layers}, not {value}.",
                        "zh": "layer 必须在 1 到 {num_layers} 之间，现在是 {value}。"},
    "err.plane_range": {"en": "plane {value} is outside the leading dimensions {shape}.",
                        "zh": "plane {value} 超出了前面几维 {shape} 的范围。"},
    "err.window_range": {"en": "window ({i}, {j}) is outside the {rows}×{cols} output.",
                         "zh": "窗口 ({i}, {j}) 超出了 {rows}×{cols} 的输出范围。"},
    # an error without a reason (not the core's): English pages show its own message instead
    "err.other": {"en": "these settings cannot be used; try others.", "zh": "这组参数无法使用，请换一组再试。"},
}
