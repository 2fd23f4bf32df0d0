"""Strings of lesson 2, "The 4×4 walkthrough" (keys ``wt.*``)."""

TEXT = {
    "wt.lead": {
        "en": "The tutorial's first example: a {h}×{w} input holding the numbers 1 to {n}, a "
              "{kh}×{kw} window, stride {s}, no padding. The window visits {windows} positions "
              "(pink, blue, green, then yellow) and each visit produces one output number.",
        "zh": "教程中的第一个例子：{h}×{w} 的输入依次填入 1 到 {n}，池化窗口大小为 {kh}×{kw}，"
              "步幅为 {s}，不做填充。窗口先后停在 {windows} 个位置（粉、蓝、绿、黄），每停一次就得到"
              "一个输出值。",
    },
    "wt.pick_one": {
        "en": "Switch on average pooling, max pooling or both to see the walkthrough.",
        "zh": "请至少打开平均池化或最大池化中的一项，才能看到逐步演示。",
    },
    "wt.play_hint": {
        "en": "Step through the {windows} windows with Back and Next, the slider or Play: the chart, the "
              "arithmetic and the output so far below always show the same window.",
        "zh": "用“上一步”“下一步”、滑块或“播放”逐个查看 {windows} 个窗口：图、下方的计算过程和已得到的"
              "输出始终对应同一个窗口。",
    },
    "wt.where": {
        "en": "**Step {n} of {total}**: the {color} window covers rows {r0}–{r1} and columns "
              "{c0}–{c1} of the input and writes output cell (row {i}, column {j}).",
        "zh": "**第 {n} 步（共 {total} 步）**：{color}窗口覆盖输入的第 {r0}–{r1} 行、第 {c0}–{c1} 列，"
              "结果写入输出的第 {i} 行、第 {j} 列。",
    },
    "wt.color_pink": {"en": "pink", "zh": "粉色"},
    "wt.color_blue": {"en": "blue", "zh": "蓝色"},
    "wt.color_green": {"en": "green", "zh": "绿色"},
    "wt.color_yellow": {"en": "yellow", "zh": "黄色"},
    "wt.avg_head": {"en": "Average pooling", "zh": "平均池化"},
    "wt.max_head": {"en": "Max pooling", "zh": "最大池化"},
    "wt.avg_note": {
        "en": "Add the {count} values in the window ({total}) and divide by {divisor}.",
        "zh": "把窗口里的 {count} 个数相加（和为 {total}），再除以 {divisor}。",
    },
    "wt.max_note": {
        "en": "Keep the largest value, {value}, found at row {r}, column {c} (outlined in vermilion).",
        "zh": "只保留最大值 {value}，它位于第 {r} 行、第 {c} 列（图中用朱红色方框标出）。",
    },
    "wt.output_so_far": {
        "en": "Output so far: {cells}",
        "zh": "目前已得到的输出：{cells}",
    },
    "wt.panel_input": {"en": "Input · {mode}", "zh": "输入 · {mode}"},
    "wt.panel_output": {"en": "Output · {mode}", "zh": "输出 · {mode}"},
    "wt.size_head": {"en": "How big is the output?", "zh": "输出有多大？"},
    "wt.size_intro": {
        "en": "Height H, width W, padding p before and after, window k, stride s. With this "
              "example's numbers (computed by the same function that sizes the output arrays):",
        "zh": "记输入高为 H、宽为 W，两侧填充为 p，窗口大小为 k，步幅为 s。代入本例的数值"
              "（与实际计算输出时用的是同一个函数）：",
    },
    "wt.size_floor": {
        "en": "**A correction to the tutorial:** its formula has no floor ⌊ ⌋. The division is only "
              "exact when the windows tile the input; otherwise the rows that no whole window "
              "reaches are dropped, which is what rounding down does. Here {num}/{s} = {q} is a "
              "whole number, so both versions give {out}.",
        "zh": "**对教程的一处更正**：教程里的公式少了向下取整 ⌊ ⌋。只有窗口恰好铺满输入时，这个除法"
              "才能整除；否则最后那几行凑不满一个完整窗口，会被舍弃，这正是向下取整的含义。本例中 "
              "{num}/{s} = {q} 恰好是整数，所以两种写法都得到 {out}。",
    },
    "wt.size_half": {
        "en": "The tutorial's shortcut H_out = H/2 for a 2×2 window with stride 2 holds only for an "
              "even H. For H = {h} the formula gives ⌊({h} − 2)/2⌋ + 1 = {out}, not {half}: the "
              "last row is never covered.",
        "zh": "教程给出的简便写法 H_out = H/2（2×2 窗口、步幅 2）只在 H 为偶数时成立。例如 H = {h} 时，"
              "公式给出 ⌊({h} − 2)/2⌋ + 1 = {out}，而不是 {half}：最后一行根本没有被窗口覆盖到。",
    },
    "wt.notice_head": {"en": "What to notice", "zh": "值得注意的地方"},
    "wt.notice_1": {
        "en": "The stride equals the window size, so the windows never overlap and each input cell "
              "is used exactly once.",
        "zh": "步幅等于窗口大小，窗口之间互不重叠，每个输入值恰好只被用到一次。",
    },
    "wt.notice_2": {
        "en": "Here the maximum is always the bottom-right cell of its window, only because the "
              "numbers grow to the right and downward. In a real feature map the winning cell "
              "moves from window to window.",
        "zh": "本例中最大值总在窗口的右下角，只是因为数字从左到右、从上到下递增。真实的特征图中，"
              "最大值在各个窗口里的位置各不相同。",
    },
    "wt.notice_3": {
        "en": "16 numbers become 4: height and width are halved. With several channels the same "
              "windows run over each channel separately, so the number of channels stays the same.",
        "zh": "16 个数变成 4 个，高和宽都减半。如果有多个通道，同样的窗口会在每个通道上各算一遍，"
              "所以通道数不变。",
    },
    "wt.try_head": {"en": "Try it", "zh": "动手试试"},
    "wt.try_1": {
        "en": "Before pressing Next, work out the next output yourself, then check.",
        "zh": "按“下一步”之前，先自己算出下一个输出值，再对照答案。",
    },
    "wt.try_2": {
        "en": "Press Play (or Space) and follow the colours: each output cell takes the colour of "
              "the window that produced it.",
        "zh": "点击“播放”（或按空格键），留意颜色：每个输出格的颜色与产生它的窗口相同。",
    },
    "wt.try_3": {
        "en": "Which input values could change without changing the max-pooled output? (Any value "
              "that stays below the largest one in its window.)",
        "zh": "哪些输入值改变后，最大池化的输出仍然不变？（只要它仍小于所在窗口的最大值即可。）",
    },
    "wt.try_4": {
        "en": "Other windows, strides and padding: go on to the playground.",
        "zh": "想换别的窗口大小、步幅或填充？请继续到“动手试一试”一课。",
    },
}
