"""Strings of lesson 3, the playground (keys ``pg.*``)."""

TEXT = {
    "pg.title": {"en": "Playground: turn every knob", "zh": "动手试一试：把每个参数都调一调"},
    "pg.intro": {
        "en": "Pick an input, shape the pooling window, add padding, and watch where every window "
              "lands. Below the picture, the output-size formula is worked out with your numbers.",
        "zh": "选一个输入，调整池化窗口，加上填充，看看每个窗口落在哪里。图的下方会用你设定的数字，"
              "一步步算出输出特征图的大小。",
    },
    # input
    "pg.sec_input": {"en": "Input", "zh": "输入"},
    "pg.preset": {"en": "Example input", "zh": "示例输入"},
    "pg.preset.ramp": {"en": "The numbers 1, 2, 3, … in reading order.",
                       "zh": "按从左到右、从上到下的顺序依次为 1、2、3……"},
    "pg.preset.random": {"en": "Random whole numbers from 0 to 9, drawn from the seed below.",
                         "zh": "0 到 9 之间的随机整数，由下面的随机种子决定。"},
    "pg.preset.checker": {"en": "A checkerboard of 9 and 0.", "zh": "9 与 0 交替排列。"},
    "pg.preset.edge": {"en": "A step edge: 0 on the left half, 9 on the right half.",
                       "zh": "左半边为 0，右半边为 9。"},
    "pg.preset.face": {"en": "A small face: eyes 9, nose 5, mouth 7 on a background of 0.",
                       "zh": "眼睛为 9，鼻子为 5，嘴为 7，背景为 0。"},
    "pg.seed": {"en": "Random seed", "zh": "随机种子"},
    "pg.seed_help": {
        "en": "Only for random digits: the same seed always draws the same grid, so a class can "
              "look at identical numbers.",
        "zh": "仅用于随机整数：同一个种子总会得到同一组数，全班看到的数字完全一样。",
    },
    "pg.h": {"en": "Input height H", "zh": "输入高度 H"},
    "pg.w": {"en": "Input width W", "zh": "输入宽度 W"},
    "pg.edit_title": {"en": "Edit the numbers", "zh": "自己修改数值"},
    "pg.edit_label": {"en": "One row per line", "zh": "每行对应网格的一行"},
    "pg.edit_help": {
        "en": "Separate numbers with spaces or commas. Keep H lines of W numbers; a new example "
              "or a new size starts a fresh grid.",
        "zh": "数字之间用空格或逗号隔开，共 H 行、每行 W 个数。换示例或改尺寸时，网格会重新生成。",
    },
    "pg.edit_reset": {"en": "Back to the example", "zh": "恢复示例数值"},
    "pg.grid_edited": {"en": "Pooling your edited numbers.", "zh": "正在对你修改后的数值做池化。"},
    "pg.grid_fallback": {
        "en": "Until the grid is fixed, the page pools the example input instead.",
        "zh": "在网格改好之前，页面先使用示例输入进行池化。",
    },
    "pg.grid_err.empty": {
        "en": "The grid is empty: type {expected_rows} {expected_rows:line|lines} of {expected_cols} {expected_cols:number|numbers}.",
        "zh": "网格是空的：请输入 {expected_rows} 行，每行 {expected_cols} 个数。",
    },
    "pg.grid_err.too_big": {
        "en": "At most {limit} rows of {limit} numbers: larger grids are hard to read on a projector.",
        "zh": "最多 {limit} 行、每行 {limit} 个数：再大的网格在投影上很难看清。",
    },
    "pg.grid_err.row_count": {
        "en": "Expected {expected} {expected:line|lines} (the input height), found {got}. Change the height slider "
              "first, or add or remove lines.",
        "zh": "应有 {expected} 行（即输入高度），实际是 {got} 行。请先调整高度滑块，或增删行。",
    },
    "pg.grid_err.row_length": {
        "en": "Line {row} has {got} {got:number|numbers}, but every line needs {expected} (the input width).",
        "zh": "第 {row} 行有 {got} 个数，但每行都应有 {expected} 个（即输入宽度）。",
    },
    "pg.grid_err.not_number": {
        "en": "Line {row}, entry {col}: “{token}” is not a number.",
        "zh": "第 {row} 行第 {col} 个：“{token}”不是数字。",
    },
    "pg.grid_err.not_finite": {
        "en": "Line {row}, entry {col}: “{token}” is not a finite number; use ordinary numbers.",
        "zh": "第 {row} 行第 {col} 个：“{token}”不是有限的数，请填写普通数字。",
    },
    "pg.grid_err.too_large": {
        "en": "Line {row}, entry {col}: please keep numbers between −{limit} and {limit}.",
        "zh": "第 {row} 行第 {col} 个：数值请保持在 −{limit} 到 {limit} 之间。",
    },
    # window
    "pg.sec_window": {"en": "Pooling window", "zh": "池化窗口"},
    "pg.kh": {"en": "Window height k_h", "zh": "窗口高度 k_h"},
    "pg.kw": {"en": "Window width k_w", "zh": "窗口宽度 k_w"},
    "pg.sh": {"en": "Stride down s_h", "zh": "纵向步幅 s_h"},
    "pg.sw": {"en": "Stride across s_w", "zh": "横向步幅 s_w"},
    "pg.dh": {"en": "Dilation d_h", "zh": "纵向膨胀 d_h"},
    "pg.dw": {"en": "Dilation d_w", "zh": "横向膨胀 d_w"},
    "pg.dilation_help": {
        "en": "1 = the window reads neighbouring cells. 2 = it reads every second cell, so a 3-wide "
              "window stretches over 5 cells.",
        "zh": "取 1 时窗口读取相邻的格子；取 2 时隔一个读一个，于是宽 3 的窗口会横跨 5 个格子。",
    },
    # padding
    "pg.sec_padding": {"en": "Padding", "zh": "填充"},
    "pg.pt": {"en": "Top p_h1", "zh": "上方 p_h1"},
    "pg.pb": {"en": "Bottom p_h2", "zh": "下方 p_h2"},
    "pg.pl": {"en": "Left p_w1", "zh": "左侧 p_w1"},
    "pg.pr": {"en": "Right p_w2", "zh": "右侧 p_w2"},
    "pg.same": {"en": "Apply “SAME” padding", "zh": "套用 “SAME” 填充"},
    "pg.same_help": {
        "en": "The padding TensorFlow and PaddlePaddle call SAME: just enough so that the output has "
              "⌈H / s_h⌉ × ⌈W / s_w⌉ cells. When the padding needed is odd, the extra row goes to "
              "the bottom and the extra column to the right.",
        "zh": "TensorFlow 和飞桨所说的 SAME 填充：补到刚好让输出为 ⌈H / s_h⌉ × ⌈W / s_w⌉。"
              "需要补的行（列）数为奇数时，多出的那一行放在下方，多出的那一列放在右侧。",
    },
    "pg.same_applied": {
        "en": "SAME padding set: top {top}, bottom {bottom}, left {left}, right {right}.",
        "zh": "已设为 SAME 填充：上 {top}，下 {bottom}，左 {left}，右 {right}。",
    },
    "pg.same_too_big": {
        "en": "SAME padding would need top {top}, bottom {bottom}, left {left}, right {right}, but the "
              "sliders stop at {limit}. Use a smaller window or dilation first.",
        "zh": "SAME 填充需要上 {top}、下 {bottom}、左 {left}、右 {right}，但滑块最大只到 {limit}。"
              "请先把窗口或膨胀调小。",
    },
    # rules
    "pg.sec_rules": {"en": "How windows are combined", "zh": "窗口怎样汇总"},
    "pg.ceil": {"en": "Ceil mode (round the size up)", "zh": "ceil 模式（输出尺寸向上取整）"},
    "pg.ceil_help": {
        "en": "Off: the formula rounds down and a window that would stick out past the padded input "
              "is left out. On: it rounds up, keeping one more, partly empty window, unless that "
              "window would start beyond the input.",
        "zh": "关闭时公式向下取整，伸出填充后输入边界的窗口会被舍去；打开后向上取整，多保留一个"
              "不完整的窗口，但若这个窗口的起点已经越过了输入，仍会被舍去。",
    },
    "pg.cip": {"en": "Count padding in the average", "zh": "平均时计入填充格"},
    "pg.cip_help": {
        "en": "On (PyTorch's count_include_pad=True): padding cells count as zeros in the divisor. "
              "Off (PaddlePaddle's exclusive=True): divide by the number of real cells only.",
        "zh": "打开（PyTorch 的 count_include_pad=True）：填充格按 0 参与求和，并计入除数。"
              "关闭（飞桨的 exclusive=True）：只除以真实格子的个数。",
    },
    "pg.cip_max": {
        "en": "This switch matters only for average pooling: max pooling never picks a padding cell.",
        "zh": "这个开关只影响平均池化：最大池化根本不会选中填充格。",
    },
    "pg.cip_no_padding": {
        "en": "There is no padding right now, so this switch changes nothing yet.",
        "zh": "现在没有填充，所以这个开关暂时不起作用。",
    },
    # windows and output
    "pg.sec_windows": {"en": "Windows and output", "zh": "池化窗口与输出"},
    "pg.no_windows": {
        "en": "With these settings there is no output to show; here is the input on its own.",
        "zh": "在这组参数下没有可显示的输出，下面只画出输入。",
    },
    "pg.fig_input": {"en": "Input with padding", "zh": "带填充的输入"},
    "pg.fig_output": {"en": "Output", "zh": "输出特征图"},
    "pg.fig_caption": {
        "en": "The solid line marks the real input; grey cells are padding. Row and column numbers are "
              "input positions, so padding sits at negative numbers or past the end. The output cell "
              "filled by the current window has the window's colour; in max pooling the winning cell "
              "gets a vermilion square. ▶ walks the window over the input.",
        "zh": "实线框内是真实的输入，灰色格是填充。行号、列号按输入的位置编号，所以填充位于负数位置"
              "或末尾之后。当前窗口填写的输出格用窗口的颜色标出；最大池化时，被选中的那一格用朱红色方框"
              "标出。点 ▶ 可看窗口依次滑过输入。",
    },
    "pg.fig_overhang": {
        "en": "The dashed line is the outer edge of the padding. In ceil mode the last window may reach "
              "past it: the white cells marked “{outside}” out there are neither input nor padding and "
              "count for nothing, not even in an average's divisor.",
        "zh": "虚线是填充的外边界。ceil 模式下最后一个窗口可能伸出虚线：虚线外标着“{outside}”的白色格子"
              "既不是输入也不是填充，什么都不算，连平均池化的除数也不计入。",
    },
    "pg.overhang_cell": {"en": "outside", "zh": "界外"},
    "pg.anim_cap": {
        "en": "There are {n} windows; the animation plays the first {cap} to stay quick. The window "
              "slider reaches every one of them.",
        "zh": "共有 {n} 个窗口；为保证流畅，动画只播放前 {cap} 个。用窗口滑块可以查看任意一个。",
    },
    "pg.step": {"en": "Window", "zh": "窗口"},
    "pg.step_help": {
        "en": "Windows are numbered row by row, left to right, like reading a page.",
        "zh": "窗口按行编号，每行从左到右，就像读书一样。",
    },
    "pg.window_info": {
        "en": "**Window {k} of {n}** reads {rows:row|rows} {rows} and {cols:column|columns} {cols}, and fills "
              "output cell (row {i}, column {j}):",
        "zh": "**第 {k} 个窗口（共 {n} 个）** 读取第 {rows} 行、第 {cols} 列，结果写入输出的"
              "第 {i} 行第 {j} 列：",
    },
    "pg.arith_max": {"en": "Max pooling keeps the largest value (boxed).",
                     "zh": "最大池化保留窗口中的最大值（方框内）。"},
    "pg.arith_avg": {"en": "Average pooling adds the values up and divides by {d}.",
                     "zh": "平均池化把这些数相加，再除以 {d}。"},
    "pg.arith_max_pad": {
        "en": "{n} padding {n:cell|cells} in this window {n:is|are} skipped: max pooling never chooses padding.",
        "zh": "本窗口有 {n} 个填充格被跳过：最大池化从不选填充。",
    },
    "pg.arith_avg_pad_counted": {
        "en": "{n:The grey zero is a padding cell: it adds|The grey zeros are # padding cells: they add} nothing to the sum but do count in "
              "the divisor.",
        "zh": "灰色的 0 是 {n} 个填充格：它们不增加总和，却计入除数。",
    },
    "pg.arith_avg_pad_skipped": {
        "en": "{n} padding {n:cell is|cells are} left out of both the sum and the divisor, so the divisor is "
              "{d}, the number of real cells.",
        "zh": "{n} 个填充格既不参与求和，也不计入除数，所以除数是真实格子的个数 {d}。",
    },
    "pg.arith_overhang_avg": {
        "en": "{n} {n:cell|cells} of this window {n:lies|lie} outside the padding (ceil mode, marked "
              "“{outside}”): not in the sum, not in the divisor. So the divisor is {d}.",
        "zh": "本窗口有 {n} 个格子落在填充之外（ceil 模式，标着“{outside}”）：既不计入总和，也不计入除数，"
              "所以除数是 {d}。",
    },
    "pg.arith_overhang": {
        "en": "{n} {n:cell|cells} of this window {n:lies|lie} past the padding (ceil mode) and never {n:counts|count}.",
        "zh": "本窗口有 {n} 个格子落在填充之外（ceil 模式），它们始终不计入。",
    },
    "pg.arith_shortened": {
        "en": "The sum is shortened with “…”; all {n} numbers are used.",
        "zh": "式子中间用“…”省略了一部分，实际用到全部 {n} 个数。",
    },
    # formula
    "pg.sec_formula": {"en": "How big is the output?", "zh": "输出有多大？"},
    "pg.formula_intro": {
        "en": "Each axis on its own: add the padding to the input, take away the room the window needs, "
              "divide by the stride, round down (⌊ ⌋, or up ⌈ ⌉ in ceil mode), then add 1 for the first "
              "window. The same calculation sizes the arrays above.",
        "zh": "高和宽分开计算：输入加上填充，减去窗口占的长度，除以步幅，向下取整（⌊ ⌋；ceil 模式下"
              "向上取整 ⌈ ⌉），再加上第一个窗口的 1。上面的数组大小正是用同一段计算得出的。",
    },
    "pg.formula_exact.H": {
        "en": "The division is exact, so rounding down or up gives the same answer: the last window "
              "ends right at the bottom edge of the padded input.",
        "zh": "正好整除，向下或向上取整结果相同：最后一个窗口恰好停在填充后输入的下边缘。",
    },
    "pg.formula_exact.W": {
        "en": "The division is exact, so rounding down or up gives the same answer: the last window "
              "ends right at the right edge of the padded input.",
        "zh": "正好整除，向下或向上取整结果相同：最后一个窗口恰好停在填充后输入的右边缘。",
    },
    "pg.formula_uncovered.H": {
        "en": "Rounding down dropped a remainder: {n:the last row of the padded input is|the last # rows "
              "of the padded input are} never read by any window.",
        "zh": "向下取整舍去了余数：填充后输入的最后 {n} 行没有被任何窗口读到。",
    },
    "pg.formula_uncovered.W": {
        "en": "Rounding down dropped a remainder: {n:the last column of the padded input is|the last # "
              "columns of the padded input are} never read by any window.",
        "zh": "向下取整舍去了余数：填充后输入的最后 {n} 列没有被任何窗口读到。",
    },
    "pg.formula_overhang.H": {
        "en": "Rounding up kept one more window; it hangs {n} {n:row|rows} below the padded input, and "
              "{n:that row counts|those rows count} for nothing.",
        "zh": "向上取整多保留了一个窗口；它伸出填充后输入的下边 {n} 行，这些行不计入任何东西。",
    },
    "pg.formula_overhang.W": {
        "en": "Rounding up kept one more window; it hangs {n} {n:column|columns} past the right of the "
              "padded input, and {n:that column counts|those columns count} for nothing.",
        "zh": "向上取整多保留了一个窗口；它伸出填充后输入的右边 {n} 列，这些列不计入任何东西。",
    },
    "pg.formula_dropped.H": {
        "en": "Rounding up made room for one more window, but it would start at row {start}, after the "
              "last real row ({last}), so it would hold no input at all. PyTorch drops such a window, "
              "so H_out = {out}.",
        "zh": "向上取整本可再放一个窗口，但它会从第 {start} 行开始，已在最后一行真实数据（第 {last} 行）"
              "之后，窗口里没有任何真实输入。PyTorch 会舍弃这样的窗口，所以 H_out = {out}。",
    },
    "pg.formula_dropped.W": {
        "en": "Rounding up made room for one more window, but it would start at column {start}, after "
              "the last real column ({last}), so it would hold no input at all. PyTorch drops such a "
              "window, so W_out = {out}.",
        "zh": "向上取整本可再放一个窗口，但它会从第 {start} 列开始，已在最后一列真实数据（第 {last} 列）"
              "之后，窗口里没有任何真实输入。PyTorch 会舍弃这样的窗口，所以 W_out = {out}。",
    },
    "pg.formula_none.H": {
        "en": "No window fits in the height: the window spans {span} rows, but the padded input has only "
              "{padded}. Make the window smaller or add padding.",
        "zh": "高度方向放不下任何窗口：窗口要占 {span} 行，而填充后的输入只有 {padded} 行。"
              "请缩小窗口或增加填充。",
    },
    "pg.formula_none.W": {
        "en": "No window fits in the width: the window spans {span} columns, but the padded input has "
              "only {padded}. Make the window smaller or add padding.",
        "zh": "宽度方向放不下任何窗口：窗口要占 {span} 列，而填充后的输入只有 {padded} 列。"
              "请缩小窗口或增加填充。",
    },
    "pg.formula_result": {
        "en": "So a {h}×{w} input becomes a **{ho}×{wo}** output.",
        "zh": "所以 {h}×{w} 的输入变成 **{ho}×{wo}** 的输出特征图。",
    },
    # explanations
    "pg.sec_knobs": {"en": "What each knob does", "zh": "每个参数的作用"},
    "pg.knobs": {
        "en": "- **Window size k_h × k_w**: how many cells are combined into one output value.\n"
              "- **Stride s_h, s_w**: how far the window jumps between steps. A stride equal to the "
              "window size puts windows side by side; a smaller stride makes them overlap; a larger "
              "one skips cells.\n"
              "- **Padding p_h1, p_h2, p_w1, p_w2**: extra rows and columns around the input, which may "
              "differ on each side. Average pooling reads them as zeros; max pooling ignores them.\n"
              "- **Dilation**: spreads the cells a window reads apart, so it sees a wider area with the "
              "same number of cells.\n"
              "- **Ceil mode**: round the output size up instead of down, keeping a last window that "
              "only partly fits.\n"
              "- **Count padding in the average**: whether padding cells count in an average's divisor.\n"
              "- **Max or average**: keep a window's strongest value, or its mean.",
        "zh": "- **窗口大小 k_h × k_w**：多少个格子汇总成一个输出值。\n"
              "- **步幅 s_h、s_w**：窗口每次移动的距离。步幅等于窗口大小时窗口紧挨着排开；"
              "步幅更小时窗口互相重叠；步幅更大时会跳过一些格子。\n"
              "- **填充 p_h1、p_h2、p_w1、p_w2**：在输入四周补上的行和列，四边可以不一样多。"
              "平均池化把填充当作 0，最大池化则忽略它们。\n"
              "- **膨胀（dilation）**：让窗口读取的格子彼此隔开，格子数不变，覆盖范围变大。\n"
              "- **ceil 模式**：输出尺寸向上取整而不是向下取整，保留最后一个放不完整的窗口。\n"
              "- **平均时计入填充格**：平均池化的除数里算不算填充格。\n"
              "- **最大或平均**：保留窗口中最强的值，或者取平均值。",
    },
    "pg.sec_frameworks": {"en": "In PyTorch and PaddlePaddle", "zh": "在 PyTorch 和飞桨中"},
    "pg.frameworks": {
        "en": "- Average pooling counts padding by default in PyTorch (`count_include_pad=True`) but not "
              "in PaddlePaddle (`exclusive=True`): the two flags say the same thing with opposite "
              "defaults, so the same model can give different numbers near the border.\n"
              "- Both libraries have `ceil_mode`, with different rules: PyTorch drops a last window that "
              "would begin in the bottom or right padding, PaddlePaddle keeps it. Pick a framework to "
              "compute with its rules.\n"
              "- PaddlePaddle also accepts `padding=\"SAME\"`: the output keeps ⌈H / s⌉ cells, and an "
              "odd amount of padding puts its extra row at the bottom and extra column on the right. "
              "The button above fills in exactly that padding.\n"
              "- PyTorch pads both sides of an axis equally and at most half the window; for other "
              "padding, pad the tensor first with `F.pad`. In ceil mode that alone keeps extra windows "
              "in the padding, so the code below crops them.",
        "zh": "- 平均池化时，PyTorch 默认把填充计入除数（`count_include_pad=True`），飞桨默认不计入"
              "（`exclusive=True`）：两个参数说的是同一件事，默认值却相反，因此同一个模型在边界附近可能"
              "算出不同的数。\n"
              "- 两个框架都有 `ceil_mode`，但规则不同：PyTorch 会舍弃起点落在下方或右侧填充里的最后一个"
              "窗口，飞桨则保留它。选择一个框架，本页就按它的规则计算。\n"
              "- 飞桨还支持 `padding=\"SAME\"`：输出保持 ⌈H / s⌉ 个格子；需要补奇数行（列）时，多出的一行"
              "补在下方，多出的一列补在右侧。上面的按钮填入的正是这种填充。\n"
              "- PyTorch 在同一方向两侧补同样多的填充，且最多为窗口的一半；要用其他填充，先用 `F.pad` "
              "给张量补边。在 ceil 模式下只这样做会多出落在填充里的窗口，所以下方的代码会把它们裁掉。",
    },
    "pg.show_code": {"en": "Show these settings as code", "zh": "显示这组参数对应的代码"},
    "pg.torch.asymmetric": {
        "en": "PyTorch's pooling pads both sides of an axis by the same amount. For uneven padding, "
              "pad the tensor with `F.pad` first (with −∞ for max pooling, zeros for average pooling "
              "that counts padding; an average that does not count padding cannot be written so).",
        "zh": "PyTorch 的池化在同一方向两侧补同样多的填充。要不对称填充，先用 `F.pad` 给张量补边"
              "（最大池化补 −∞，计入填充的平均池化补 0；不计入填充的平均池化无法这样写）。",
    },
    "pg.torch.half": {
        "en": "PyTorch refuses padding larger than half the window: at most {limit_h} for k_h = {kh} "
              "and {limit_w} for k_w = {kw}.",
        "zh": "PyTorch 不允许填充超过窗口的一半：k_h = {kh} 时最多 {limit_h}，k_w = {kw} 时最多 {limit_w}。",
    },
    "pg.torch.avg_dilation": {
        "en": "PyTorch's `avg_pool2d` has no dilation; only max pooling takes one.",
        "zh": "PyTorch 的 `avg_pool2d` 没有膨胀参数，只有最大池化支持膨胀。",
    },
    "pg.paddle.dilation": {
        "en": "PaddlePaddle's pooling functions have no dilation parameter.",
        "zh": "飞桨的池化函数没有膨胀（dilation）参数。",
    },
}
