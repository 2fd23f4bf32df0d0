"""Strings of lesson 6, the backward pass (keys ``bw.``)."""

TEXT = {
    "bw.title": {"en": "The backward pass: where the gradient goes", "zh": "反向传播：梯度流向哪里"},
    "bw.intro": {
        "en": "A pooling layer has no weights to learn, yet the loss still has to travel through it to "
              "the layers below. After the forward pass, the layer above sends one gradient to every "
              "output cell: the **upstream gradient**. The backward pass decides how each of these "
              "numbers is handed back to the input cells of its window. The output is smaller than the "
              "input, so the numbers cannot simply go back cell for cell; average pooling and max "
              "pooling each need their own rule.",
        "zh": "池化层没有需要学习的参数，但损失仍然要穿过它，传回前面的层。前向计算结束后，后一层会给"
              "输出特征图的每个格子送来一个梯度，称为**上游梯度**。反向传播要回答的是：每个梯度应当怎样"
              "分回它所在池化窗口里的输入格子？输出比输入小，梯度无法一格对一格地传回去，因此平均池化和"
              "最大池化各需要一条自己的分配规则。",
    },
    # settings
    "bw.settings": {"en": "Settings", "zh": "参数设置"},
    "bw.x_label": {"en": "Input values", "zh": "输入数值"},
    "bw.x_ramp": {"en": "1, 2, 3, … row by row (figure 1)", "zh": "按行排列的 1、2、3……（图 1）"},
    "bw.x_random": {"en": "the same numbers, shuffled", "zh": "同样的数字，随机打乱"},
    "bw.x_ties": {"en": "small numbers 0–3 (with ties)", "zh": "0–3 的小整数（有并列最大值）"},
    "bw.n_label": {"en": "Input size n (an n × n grid)", "zh": "输入大小 n（n × n 网格）"},
    "bw.k_label": {"en": "Window size (kernel)", "zh": "池化窗口大小"},
    "bw.s_label": {"en": "Stride", "zh": "步幅"},
    "bw.p_label": {"en": "Padding", "zh": "填充"},
    "bw.cip_label": {
        "en": "Count padding in the average",
        "zh": "平均时计入填充格",
    },
    "bw.cip_help": {
        "en": "count_include_pad: when on, an average pooling window that reaches into the padding "
              "divides by all its cells, padding included; when off, only by its real cells.",
        "zh": "count_include_pad：打开时，伸进填充区的平均池化窗口按全部格子数（含填充格）求平均；"
              "关闭时只按真实格子数求平均。",
    },
    "bw.g_label": {"en": "Upstream gradient", "zh": "上游梯度"},
    "bw.g_ones": {"en": "all ones", "zh": "全为 1"},
    "bw.g_range": {"en": "1, 2, 3, … (one per output cell)", "zh": "1、2、3……（每个输出格一个）"},
    "bw.g_random": {"en": "random whole numbers −3…3", "zh": "−3…3 的随机整数"},
    "bw.g_custom": {"en": "type my own", "zh": "自己输入"},
    "bw.seed_label": {"en": "Random seed", "zh": "随机种子"},
    "bw.gtext_label": {
        "en": "Your upstream gradient, row by row",
        "zh": "自定义上游梯度（按行输入）",
    },
    "bw.gtext_bad": {
        "en": "Type exactly {count} {count:number|numbers} ({rows} {rows:row|rows} of {cols}), separated by spaces, commas or "
              "semicolons. Until then the page uses all ones.",
        "zh": "请输入正好 {count} 个数（{rows} 行，每行 {cols} 个），用空格、逗号或分号隔开。"
              "在此之前页面先使用全 1 的梯度。",
    },
    "bw.gtext_too_large": {
        "en": "Keep every number between −{limit} and {limit}. Until then the page uses all ones.",
        "zh": "每个数都请保持在 −{limit} 到 {limit} 之间。在此之前，页面先使用全 1 的梯度。",
    },
    "bw.gtext_too_big": {
        "en": "The output has {rows} {rows:row|rows} of {cols} {cols:cell|cells}, more than can be typed here (at most {limit} × "
              "{limit}), so the page uses all ones.",
        "zh": "输出有 {rows} 行，每行 {cols} 个格子，超过了这里能输入的上限（最多 {limit} × {limit}），"
              "因此页面使用全 1 的梯度。",
    },
    "bw.try": {"en": "Quick settings:", "zh": "快捷设置："},
    "bw.try_tutorial": {"en": "Figure 1: 2×2, stride 2", "zh": "图 1：2×2，步幅 2"},
    "bw.try_overlap": {"en": "Overlap: 3×3, stride 1, shuffled input", "zh": "重叠：3×3，步幅 1，打乱的输入"},
    "bw.try_padding": {"en": "Padding: 3×3, stride 2, padding 1", "zh": "填充：3×3，步幅 2，填充 1"},
    "bw.fix_settings": {
        "en": "The gradients appear again as soon as the settings fit together.",
        "zh": "参数调整合适后，梯度图会重新显示。",
    },
    # 1 forward recap
    "bw.s1_title": {"en": "1 · The forward pass, and the gradient coming back", "zh": "1 · 前向计算与传回来的梯度"},
    "bw.s1_text": {
        "en": "Left: the input and its windows (the first settings are the tutorial's figure 1: the "
              "numbers 1 to 16 in 2×2 windows with stride 2). Right: the upstream gradient, one "
              "number per output cell; each cell's outline has the colour of the window that "
              "produced it. Blue means a negative gradient, red a positive one.",
        "zh": "左图是输入和池化窗口（初始设置就是教程的图 1：数字 1 到 16，2×2 窗口，步幅 2）。右图是上游"
              "梯度，每个输出格一个数，格子边框的颜色与产生它的窗口相同。蓝色表示负梯度，红色表示正梯度。",
    },
    "bw.input_title": {"en": "Input and windows", "zh": "输入与池化窗口"},
    "bw.upstream_title": {"en": "Upstream gradient (at the output)", "zh": "上游梯度（在输出上）"},
    "bw.windows_partial": {
        "en": "The windows overlap, so only the first few are outlined.",
        "zh": "窗口之间有重叠，因此只画出前几个窗口。",
    },
    # 2 average
    "bw.avg_title": {"en": "2 · Average pooling: share the gradient equally", "zh": "2 · 平均池化：把梯度平均分掉"},
    "bw.avg_text": {
        "en": "A window's output is the sum of its cells divided by n. Raise one of those cells a "
              "little and the output rises by only 1/n of that: every cell has the same slope, 1/n. "
              "So the backward pass cuts the window's gradient into **n equal parts** and gives one "
              "part to each cell.",
        "zh": "一个窗口的输出等于窗口内各格之和除以 n。把其中某一格稍微增大一点，输出只增大这一点的 "
              "1/n：每一格的斜率都是 1/n。所以反向传播把该窗口收到的梯度**平均分成 n 份**，每格分得一份。",
    },
    "bw.avg_divisor_uniform": {"en": "Here every window divides by n = {n}.", "zh": "这里每个窗口的除数都是 n = {n}。"},
    "bw.avg_divisor_varies": {
        "en": "Here the divisor n is not the same for every window (windows that reach into the "
              "padding count their cells differently):",
        "zh": "这里各窗口的除数 n 并不相同（伸进填充区的窗口，计数方式不同）：",
    },
    "bw.divisor_title": {"en": "Divisor n of each window", "zh": "每个窗口的除数 n"},
    "bw.split_title": {"en": "Correct: split into n parts", "zh": "正确：平均分成 n 份"},
    "bw.copy_title": {"en": "Mistake: copy it n times", "zh": "错误：复制 n 份"},
    "bw.copy_text": {
        "en": "A tempting mistake is to give every cell of the window the **whole** gradient, copied "
              "instead of shared. Compare the two pictures, drawn on the same colour scale:",
        "zh": "一个常见的误解是把窗口的**整个**梯度原样复制给窗口内的每一格，而不是平分。"
              "对比下面两幅图（颜色刻度相同）：",
    },
    "bw.sum_upstream": {"en": "Sum of upstream gradient", "zh": "上游梯度之和"},
    "bw.sum_split": {"en": "Sum after splitting", "zh": "平分后之和"},
    "bw.sum_copy": {"en": "Sum after copying", "zh": "复制后之和"},
    "bw.sum_input": {"en": "Sum of input gradient", "zh": "输入梯度之和"},
    "bw.copy_verdict": {
        "en": "✗ Copying gives every cell n times its fair share: the total becomes {copy} instead of "
              "{up}, **{factor}×** the upstream sum. Repeated in every pooling layer of a deep "
              "network, such factors multiply and the gradients explode.",
        "zh": "✗ 复制让每一格都拿到应得份额的 n 倍：梯度总和变成 {copy}，而不是 {up}，是上游梯度之和的 "
              "**{factor} 倍**。深层网络里每个池化层都这样放大一次，倍数层层相乘，梯度就会爆炸。",
    },
    "bw.copy_verdict_zero": {
        "en": "✗ The upstream gradients add up to 0 here, so the totals cannot show it; compare cell by "
              "cell instead: each copied value is n times the shared one.",
        "zh": "✗ 这里的上游梯度之和正好为 0，看总和看不出差别；请逐格比较：复制得到的每个值都是平分值的 n 倍。",
    },
    # 3 max
    "bw.max_title": {"en": "3 · Max pooling: remember where the maximum was", "zh": "3 · 最大池化：记住最大值在哪里"},
    "bw.max_text": {
        "en": "Only the largest cell of a window reaches the output; nudging any other cell changes "
              "nothing, so its slope is 0, while the largest cell's slope is 1. That is why the "
              "forward pass **records the position of each maximum** (the *max id*; in our code "
              "`res.indices`, the flat index row × {w} + column). The backward pass looks that "
              "position up and hands the whole gradient to it; every other cell gets 0.",
        "zh": "窗口里只有最大的那一格会传到输出；轻微改动其他格，输出不变，它们的斜率是 0，而最大格的"
              "斜率是 1。所以前向计算时要**记录每个最大值的位置**（即 *max id*；代码里是 `res.indices`，"
              "平铺下标 = 行 × {w} + 列）。反向传播按记录的位置把整个梯度交给那一格，其余格子都得 0。",
    },
    "bw.max_input_title": {"en": "Forward: maxima (outlined)", "zh": "前向：最大值（描边）"},
    "bw.indices_title": {"en": "Output and recorded (row, col)", "zh": "输出与记录的（行，列）"},
    "bw.max_grad_title": {"en": "Backward: input gradient", "zh": "反向：输入梯度"},
    "bw.indices_caption": {"en": "Recorded max ids (`res.indices`): {ids}", "zh": "记录的 max id（`res.indices`）：{ids}"},
    "bw.max_ties": {
        "en": "{n} {n:window holds its|windows hold their} largest value more than once. The first one in reading "
              "order (row by row) is recorded, as PyTorch does, and gets the whole gradient.",
        "zh": "有 {n} 个窗口的最大值出现了不止一次。此时记录按行扫描时最先出现的那一个（与 PyTorch 相同），"
              "整个梯度都交给它。",
    },
    # 4 sums
    "bw.where_title": {"en": "4 · Is the total gradient always preserved?", "zh": "4 · 梯度总和总是不变吗？"},
    "bw.where_text": {
        "en": "The syllabus says both rules keep the sum of the gradients unchanged. That holds in its "
              "example, where the windows sit side by side and there is no padding, but not always. "
              "Change the window, the stride and the padding above, and read the verdict below: it is "
              "worked out from the numbers on screen.",
        "zh": "教程说这两种规则都能保持梯度之和不变。在教程的例子里（窗口互不重叠、没有填充）确实如此，"
              "但并非总是成立。请调整上面的窗口大小、步幅和填充，看看下面的结论——它是根据屏幕上的数字"
              "实际算出来的。",
    },
    "bw.mode_label": {"en": "Look at", "zh": "查看"},
    "bw.touch_title": {"en": "How many windows touch each cell", "zh": "每格被几个窗口覆盖"},
    "bw.routes_title": {"en": "How many gradients each cell receives", "zh": "每格收到几个梯度"},
    "bw.grad_title_avg": {"en": "Input gradient (on padding: the share lost)", "zh": "输入梯度（填充格上：丢掉的份额）"},
    "bw.grad_title_max": {"en": "Input gradient", "zh": "输入梯度"},
    "bw.shared_avg": {
        "en": "{cells} {cells:cell lies|cells lie} in more than one window; cell ({r}, {c}) lies in {most}. The parts "
              "that reach one cell from different windows **add up**.",
        "zh": "有 {cells} 个格子同时属于多个窗口；其中格子 ({r}, {c}) 属于 {most} 个窗口。"
              "不同窗口分给同一格的梯度会**累加**。",
    },
    "bw.shared_max": {
        "en": "{cells} {cells:cell is|cells are} the maximum of more than one window; cell ({r}, {c}) wins {most} "
              "windows and **adds up** all their gradients.",
        "zh": "有 {cells} 个格子同时是多个窗口的最大值；其中格子 ({r}, {c}) 在 {most} 个窗口中胜出，"
              "它们的梯度全部**累加**到这一格。",
    },
    "bw.shared_none": {
        "en": "No cell receives gradient from more than one window.",
        "zh": "没有哪个格子从多个窗口收到梯度。",
    },
    "bw.v_max_one_cell": {
        "en": "✓ Sum preserved: {up} in, {got} out. {n:The one gradient goes|Each of the # gradients goes} whole to exactly "
              "one input cell (its window's maximum), so nothing is lost and nothing is counted "
              "twice, even when one cell collects several of them.",
        "zh": "✓ 总和不变：传入 {up}，传出 {got}。{n} 个梯度各自完整地交给唯一的一个输入格（该窗口的最大值），"
              "没有丢失也没有重复——即使某一格同时收下好几个梯度也是如此。",
    },
    "bw.v_avg_exact": {
        "en": "✓ Sum preserved: {up} in, {got} out. Each window divides by the number of cells that "
              "receive a part, so it hands out exactly the gradient it got. Overlapping windows only "
              "add their parts together in the shared cells.",
        "zh": "✓ 总和不变：传入 {up}，传出 {got}。每个窗口的除数正好等于分到梯度的格子数，所以它分出去的"
              "恰好是它收到的梯度。窗口重叠只是让共用的格子把几份梯度加在一起。",
    },
    "bw.v_avg_zero_on_padding": {
        "en": "✓ The sums match here ({up} in, {got} out), but only because every window that reaches "
              "into the padding received a gradient of 0. With another upstream gradient, part of it "
              "would be lost on the padding.",
        "zh": "✓ 这里总和相等（传入 {up}，传出 {got}），但只是因为伸进填充区的窗口收到的梯度恰好都是 0。"
              "换一个上游梯度，就会有一部分梯度丢在填充格上。",
    },
    "bw.v_avg_cancel": {
        "en": "✓ The sums match here ({up} in, {got} out), but only by luck: shares do land on the "
              "padding (grey cells), and the positive and negative ones happen to cancel.",
        "zh": "✓ 这里总和相等（传入 {up}，传出 {got}），但这只是巧合：确实有梯度落在填充格（灰色）上，"
              "只是正负恰好抵消了。",
    },
    "bw.v_avg_lost": {
        "en": "✗ Sum **not** preserved: {up} in, {got} out. The missing {lost} landed on the padding "
              "(each grey cell shows its share) and is dropped: a window that reaches into the "
              "padding still divides by all its cells, padding included, but only its real cells "
              "pass the gradient on. With count_include_pad switched off, the divisor counts only "
              "real cells and the sum is preserved.",
        "zh": "✗ 总和**改变**了：传入 {up}，传出 {got}。少掉的 {lost} 落在了填充格上（每个灰格标出了它分到"
              "的份额），随即被丢弃：伸进填充区的窗口仍按包括填充格在内的全部格子数来平分，可只有真实的"
              "输入格才会把梯度继续往前传。关闭 count_include_pad 后，除数只计真实格子，总和就又不变了。",
    },
    "bw.v_differs": {
        "en": "✗ Sum not preserved: {up} in, {got} out (a difference of {diff}).",
        "zh": "✗ 总和改变了：传入 {up}，传出 {got}（相差 {diff}）。",
    },
    # 5 gradient check
    "bw.check_title": {"en": "5 · Check it with finite differences", "zh": "5 · 用有限差分验证"},
    "bw.check_text": {
        "en": "How do we know the rules are right? Measure instead of reasoning: let "
              "L = Σ (upstream gradient × output). Add a tiny ε = {eps} to one input cell, then "
              "subtract it, recompute L both times and divide the change by 2ε. Doing this for every "
              "cell gives a **numeric gradient** that knows nothing about splitting or routing. It "
              "should match the backward pass ({mode}).",
        "zh": "怎么确认这些规则是对的？不推理，直接测量：设 L = Σ（上游梯度 × 输出）。给某个输入格加上"
              "一个很小的 ε = {eps}，再减去它，分别重新计算 L，把变化量除以 2ε。对每一格都这样做，就得到"
              "一个**数值梯度**——它完全不知道平分或路由的规则。它应当与反向传播的结果（{mode}）一致。",
    },
    "bw.numeric_title": {"en": "Numeric (finite differences)", "zh": "数值梯度（有限差分）"},
    "bw.analytic_title": {"en": "Backward pass (res.backward)", "zh": "反向传播（res.backward）"},
    "bw.max_diff": {"en": "Largest difference", "zh": "最大差值"},
    "bw.check_ok": {
        "en": "✓ They agree: the largest difference, {d}, is only rounding error.",
        "zh": "✓ 两者一致：最大差值 {d} 只是舍入误差。",
    },
    "bw.check_bad": {
        "en": "✗ They differ by up to {d}.",
        "zh": "✗ 两者最多相差 {d}。",
    },
    "bw.check_ties": {
        "en": "Careful: {n} {n:window holds its|windows hold their} maximum more than once (outlined cells). Max "
              "pooling has no single slope at such a tie: raise one of the tied cells and it becomes "
              "the winner (slope 1), lower it and another cell wins (slope 0). The finite difference "
              "averages the two sides, giving shares such as one half, while the backward pass hands "
              "everything to the first tied cell. A disagreement there is expected, not a bug; pick "
              "an input without ties to see the two agree everywhere.",
        "zh": "注意：有 {n} 个窗口的最大值出现了不止一次（已描边的格子）。在这种并列处，最大池化没有唯一"
              "的斜率：把某个并列格稍微增大，它就成了赢家（斜率 1）；稍微减小，就换成别的格子胜出（斜率 0）。"
              "有限差分取两侧的平均，会得到 0.5 这样的份额，而反向传播把梯度全部交给第一个并列格。"
              "这里的不一致是预料之中的，并不是程序错误；换一个没有并列值的输入，两者就处处一致。",
    },
    "bw.check_no_ties": {
        "en": "Max pooling has a kink wherever two cells of a window are equal; this input has no such "
              "tie, so the check is valid everywhere.",
        "zh": "最大池化在窗口内出现相等值的地方有“拐点”；这个输入没有这种并列，所以验证处处有效。",
    },
    "bw.credit": {
        "en": "The two rules (share for average, route to the maximum for max) follow the backward "
              "section of the syllabus, which comes from a widely shared 2017 blog post; its claim "
              "that the total always stays the same is corrected on this page.",
        "zh": "两条规则（平均池化平分、最大池化交给最大值）依据教程的反向传播一节，该节内容源自 2017 年"
              "一篇广为转载的博文；本页修正了其中“梯度总和总是不变”的说法。",
    },
}
